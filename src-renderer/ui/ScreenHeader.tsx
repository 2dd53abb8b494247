import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScreenTitle } from './ScreenTitle';

/** The screen's title with a short note beside it (a count, a hint). */
export function ScreenHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Group gap="sm" align="baseline">
      <ScreenTitle>{title}</ScreenTitle>
      {children}
    </Group>
  );
}
