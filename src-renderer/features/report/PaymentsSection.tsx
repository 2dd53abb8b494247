import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { labelFor } from '../../i18n/label-for';
import { defangFreeText } from '../../ui/defang';
import { formatDateTime, formatDecimalAmount } from '../../ui/format';
import { DataTable } from '../../ui/DataTable';
import { TableSection } from '../../ui/TableSection';
import type { PaymentLine } from './record-readers';

export function PaymentsSection({ payments }: { payments: PaymentLine[] }) {
  const { t } = useTranslation();
  return (
    <TableSection title={t('report.payments.title')} testId="report-payments" empty={payments.length === 0} noneText={t('report.payments.none')}>
      <DataTable
        minWidth={640}
        head={
          <>
            <Table.Th>{t('report.payments.at')}</Table.Th>
            <Table.Th ta="right">{t('report.payments.amount')}</Table.Th>
            <Table.Th>{t('report.payments.method')}</Table.Th>
            <Table.Th>{t('report.payments.beneficiary')}</Table.Th>
            <Table.Th>{t('report.payments.account')}</Table.Th>
            <Table.Th>{t('report.payments.reference')}</Table.Th>
          </>
        }
      >
        {payments.map((payment, index) => (
          <Table.Tr key={index}>
            <Table.Td className="nowrap">{formatDateTime(payment.at)}</Table.Td>
            <Table.Td ta="right" className="num">
              {payment.amount ? formatDecimalAmount(payment.amount, payment.currency) : '—'}
            </Table.Td>
            <Table.Td>{payment.method ? labelFor(t, 'paymentMethod', payment.method) : '—'}</Table.Td>
            <Table.Td>{payment.beneficiaryName ?? '—'}</Table.Td>
            <Table.Td ff="monospace">{payment.beneficiaryAccount ?? '—'}</Table.Td>
            <Table.Td>{payment.reference ? defangFreeText(payment.reference) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </TableSection>
  );
}
