import { Button } from '@mantine/core';
import Papa from 'papaparse';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../ui/download';

/** Saves a table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the accents). */
export function CsvButton({ rows, fileName }: { rows: ReadonlyArray<Record<string, string | number | null>>; fileName: string }) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="default"
      disabled={rows.length === 0}
      onClick={() => saveBlob(new Blob([`\uFEFF${Papa.unparse([...rows])}`], { type: 'text/csv;charset=utf-8' }), fileName)}
      className="no-print"
    >
      {t('overview.csv')}
    </Button>
  );
}
