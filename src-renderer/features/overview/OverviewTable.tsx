import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataTable } from '../../ui/DataTable';
import { CsvButton } from './CsvButton';

export interface Column {
  key: string;
  header: string;
  numeric?: true;
  /** Makes each cell of this column a button that opens the list behind its number. */
  onOpen?: (row: Row, index: number) => void;
}

export type Row = Record<string, string | number | null>;

interface OverviewTableProps {
  label: string;
  fileName: string;
  columns: readonly Column[];
  rows: readonly Row[];
  testId: string;
  /** Makes each row's first cell a button that opens the list behind the row. */
  onOpen?: (row: Row, index: number) => void;
  /** A last cell with what can be done about the row (not in the CSV). */
  action?: { header: string; render: (row: Row, index: number) => ReactNode };
}

/** A cell's value, as a button when it opens a list (a number's button says which column it counts). */
function Cell({ row, column, open, testId }: { row: Row; column: Column; open: (() => void) | undefined; testId: string }) {
  const value = row[column.key];
  if (!open || value === null || value === '') return value;
  return (
    <UnstyledButton className="link-button" onClick={open} aria-label={column.numeric ? `${column.header}: ${value}` : undefined} data-testid={testId}>
      {value}
    </UnstyledButton>
  );
}

/** A table of the overview with its CSV export; the text view of every chart. */
export function OverviewTable({ label, fileName, columns, rows, testId, onOpen, action }: OverviewTableProps) {
  return (
    <div className="overview-table">
      <DataTable minWidth={360} label={label} testId={testId} head={[
          ...columns.map((column) => (
            <Table.Th key={column.key} ta={column.numeric ? 'right' : undefined}>
              {column.header}
            </Table.Th>
          )),
          ...(action ? [<Table.Th key="action">{action.header}</Table.Th>] : []),
        ]}
      >
        {rows.map((row, index) => (
          <Table.Tr key={index}>
            {columns.map((column, columnIndex) => {
              const opens = columnIndex === 0 && onOpen ? onOpen : column.onOpen;
              return (
                <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                  <Cell row={row} column={column} open={opens && (() => opens(row, index))} testId={`${testId}-${column.key}-${index}`} />
                </Table.Td>
              );
            })}
            {action && <Table.Td className="no-print">{action.render(row, index)}</Table.Td>}
          </Table.Tr>
        ))}
      </DataTable>
      <CsvButton rows={rows} fileName={fileName} />
    </div>
  );
}
