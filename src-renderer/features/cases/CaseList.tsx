import { Chip, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { CaseStatusBadge } from '../../ui/badges';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount, formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';

export function CaseList() {
  const { t } = useTranslation();
  const cases = useAppStore((state) => state.caseList);
  const error = useAppStore((state) => state.caseListError);
  const statusFilter = useAppStore((state) => state.caseStatusFilter);
  const openCaseId = useAppStore((state) => (state.view.screen === 'cases' ? state.view.caseId : undefined));
  const setCaseStatusFilter = useAppStore((state) => state.setCaseStatusFilter);
  const openCase = useAppStore((state) => state.openCase);
  const loadCases = useAppStore((state) => state.loadCases);

  return (
    <section aria-label={t('cases.list')} data-testid="case-list">
      <Chip.Group multiple value={statusFilter} onChange={(values) => setCaseStatusFilter(values)}>
        <Group gap={6} mb="sm" role="group" aria-label={t('cases.statusFilter')}>
          {CASE_STATUSES.map((status) => (
            <Chip key={status} value={status} size="xs" variant="outline">
              {t(`caseStatus.${status}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && <ErrorAlert error={error} onRetry={() => void loadCases()} />}
      {cases?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('cases.empty')}
        </Text>
      )}
      {cases && cases.length > 0 && (
        <Table.ScrollContainer minWidth={440}>
          <Table verticalSpacing={5} fz="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.fields.title')}</Table.Th>
                <Table.Th>{t('cases.fields.status')}</Table.Th>
                <Table.Th>{t('cases.fields.owner')}</Table.Th>
                <Table.Th ta="right">{t('cases.fields.reports')}</Table.Th>
                <Table.Th>{t('cases.fields.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((item) => (
                <Table.Tr key={item.caseId} className={item.caseId === openCaseId ? 'selected-row' : undefined} aria-selected={item.caseId === openCaseId}>
                  <Table.Td>
                    <UnstyledButton className="link-button" onClick={() => openCase(item.caseId)} data-testid={`case-open-${item.caseId}`}>
                      {item.title}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <OfficerName id={item.owner} />
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    {formatCount(item.reportCount)}
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
