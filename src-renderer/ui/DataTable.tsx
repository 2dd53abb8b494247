import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DataTableProps {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The header cells (`Table.Th`). */
  head: ReactNode;
  /** Adds a last header cell, named for screen readers only, over each row's buttons. */
  withActionsColumn?: boolean;
  striped?: boolean;
  verticalSpacing?: number;
  label?: string;
  testId?: string;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** A compact table of records in a container that scrolls sideways. */
export function DataTable({ minWidth, head, withActionsColumn = false, striped = true, verticalSpacing = 4, label, testId, children }: DataTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} fz="sm" striped={striped} aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {head}
            {withActionsColumn && (
              <Table.Th>
                <span className="visually-hidden">{t('cases.detail.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
