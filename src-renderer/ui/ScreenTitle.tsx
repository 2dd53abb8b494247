import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { SCREEN_TITLE_ID } from './use-focus-on-mount';

/** The screen's one top heading; `useFocusOnMount` moves focus here when the screen opens. */
export function ScreenTitle({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <Title order={1} fz="h3" id={SCREEN_TITLE_ID} tabIndex={-1} className={className}>
      {children}
    </Title>
  );
}
