import { Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled region of a screen: a landmark with its heading as its name, and a test id for e2e tests. */
export function Section({
  title,
  testId,
  actions,
  children,
  order = 2,
}: {
  title: ReactNode;
  testId: string;
  actions?: ReactNode;
  children: ReactNode;
  order?: 2 | 3;
}) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} data-testid={testId} withBorder p="md" radius="sm">
      <div className="section-header">
        <Title id={headingId} order={order} fz={order === 2 ? 'md' : 'sm'}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </Paper>
  );
}
