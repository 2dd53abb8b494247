import { ActionIcon, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingRuleView } from '../../../shared/routing/rules';
import { useAppStore } from '../../state/store-context';
import { PriorityBadge } from '../../ui/badges';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { ArrowDownIcon, ArrowUpIcon } from '../../ui/icons';
import { conditionsText } from './conditions-text';
import { ruleOfView } from './rule-view';

interface RuleRowProps {
  rule: RoutingRuleView;
  first: boolean;
  last: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

function RuleRow({ rule, first, last, onEdit, onRemove }: RuleRowProps) {
  const { t } = useTranslation();
  const putRoutingRule = useAppStore((state) => state.putRoutingRule);
  const moveRoutingRule = useAppStore((state) => state.moveRoutingRule);
  return (
    <Table.Tr data-testid={`rule-row-${rule.id}`} className={rule.enabled ? undefined : 'benign-row'}>
      <Table.Td className="num">{rule.position}</Table.Td>
      <Table.Td>{rule.name}</Table.Td>
      <Table.Td>
        <ul className="plain-list">
          {conditionsText(rule.conditions, t).map((phrase) => (
            <li key={phrase}>
              <Text span size="xs">
                {phrase}
              </Text>
            </li>
          ))}
        </ul>
      </Table.Td>
      <Table.Td>{rule.team ?? t('routing.ownerTeam')}</Table.Td>
      <Table.Td>
        <PriorityBadge priority={rule.priority} />
      </Table.Td>
      <Table.Td>{t(`routeAssign.${rule.assign}`)}</Table.Td>
      <Table.Td>
        <Switch
          checked={rule.enabled}
          onChange={(event) => void putRoutingRule(rule.id, { ...ruleOfView(rule), enabled: event.currentTarget.checked })}
          aria-label={t('routing.enabledLabel', { name: rule.name })}
          data-testid={`rule-enabled-${rule.id}`}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" color="dark" disabled={first} onClick={() => void moveRoutingRule(rule.id, 'up')} aria-label={t('routing.moveUp', { name: rule.name })}>
            <ArrowUpIcon />
          </ActionIcon>
          <ActionIcon variant="subtle" color="dark" disabled={last} onClick={() => void moveRoutingRule(rule.id, 'down')} aria-label={t('routing.moveDown', { name: rule.name })}>
            <ArrowDownIcon />
          </ActionIcon>
          <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={t('routing.editLabel', { name: rule.name })}>
            {t('routing.edit')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="danger" onClick={onRemove} aria-label={t('routing.removeLabel', { name: rule.name })}>
            {t('common.remove')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The rules in the order they are tried; each can be switched off, moved, edited or removed. */
export function RuleTable({ rules, onEdit }: { rules: RoutingRuleView[]; onEdit: (rule: RoutingRuleView) => void }) {
  const { t } = useTranslation();
  const removeRoutingRule = useAppStore((state) => state.removeRoutingRule);
  const [removing, setRemoving] = useState<RoutingRuleView | null>(null);
  return (
    <>
      <DataTable
        minWidth={1000}
        verticalSpacing={5}
        label={t('routing.tableLabel')}
        testId="rule-table"
        withActionsColumn
        head={
          <>
            <Table.Th>{t('routing.columns.position')}</Table.Th>
            <Table.Th>{t('routing.columns.name')}</Table.Th>
            <Table.Th>{t('routing.columns.conditions')}</Table.Th>
            <Table.Th>{t('routing.columns.team')}</Table.Th>
            <Table.Th>{t('routing.columns.priority')}</Table.Th>
            <Table.Th>{t('routing.columns.assign')}</Table.Th>
            <Table.Th>{t('routing.columns.enabled')}</Table.Th>
          </>
        }
      >
        {rules.map((rule, index) => (
          <RuleRow key={rule.id} rule={rule} first={index === 0} last={index === rules.length - 1} onEdit={() => onEdit(rule)} onRemove={() => setRemoving(rule)} />
        ))}
      </DataTable>
      <ConfirmDialog
        opened={removing !== null}
        title={t('routing.removeTitle')}
        explanation={removing ? t('routing.removeExplain', { name: removing.name }) : ''}
        confirmLabel={t('common.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() => (removing ? removeRoutingRule(removing.id) : Promise.resolve(false))}
      />
    </>
  );
}
