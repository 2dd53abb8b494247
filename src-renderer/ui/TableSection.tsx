import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Section } from './Section';

interface TableSectionProps {
  title: ReactNode;
  testId: string;
  /** When true the section says `noneText` instead of showing its table. */
  empty: boolean;
  noneText: string;
  /** Shown under the table or the none text (a form to add rows). */
  footer?: ReactNode;
  /** The table. */
  children: ReactNode;
}

/** A titled section holding one table, or a line saying there is nothing to list. */
export function TableSection({ title, testId, empty, noneText, footer, children }: TableSectionProps) {
  return (
    <Section title={title} testId={testId}>
      {empty ? (
        <Text size="sm" c="dimmed">
          {noneText}
        </Text>
      ) : (
        children
      )}
      {footer}
    </Section>
  );
}
