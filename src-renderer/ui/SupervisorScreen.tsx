import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppState } from '../state/app-state';
import { ScreenTitle } from './ScreenTitle';
import { useFocusOnMount } from './use-focus-on-mount';
import { SupervisorsOnly } from './SupervisorsOnly';

interface SupervisorScreenProps {
  title: string;
  explanation: string;
  maxWidth?: number;
  /** Who may use it besides supervisors' default (SupervisorsOnly). */
  allowed?: (state: AppState) => boolean;
  children: ReactNode;
}

/** A screen for supervisors: its title and what it is for, then its content (or, for others, why it is empty). */
export function SupervisorScreen({ title, explanation, maxWidth, allowed, children }: SupervisorScreenProps) {
  useFocusOnMount(true);
  return (
    <Stack gap="sm" maw={maxWidth}>
      <ScreenTitle>{title}</ScreenTitle>
      <Text size="sm">{explanation}</Text>
      <SupervisorsOnly {...(allowed ? { allowed } : {})}>{children}</SupervisorsOnly>
    </Stack>
  );
}
