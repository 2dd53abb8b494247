import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScreenTitle } from './ScreenTitle';
import { useFocusOnMount } from './use-focus-on-mount';
import { SupervisorsOnly } from './SupervisorsOnly';

interface SupervisorScreenProps {
  title: string;
  explanation: string;
  maxWidth?: number;
  children: ReactNode;
}

/** A screen for supervisors: its title and what it is for, then its content (or, for others, why it is empty). */
export function SupervisorScreen({ title, explanation, maxWidth, children }: SupervisorScreenProps) {
  useFocusOnMount(true);
  return (
    <Stack gap="sm" maw={maxWidth}>
      <ScreenTitle>{title}</ScreenTitle>
      <Text size="sm">{explanation}</Text>
      <SupervisorsOnly>{children}</SupervisorsOnly>
    </Stack>
  );
}
