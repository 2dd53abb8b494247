import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingRuleView } from '../../../shared/routing/rules';
import { useAppStore } from '../../state/store-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SupervisorScreen } from '../../ui/SupervisorScreen';
import { RuleFormDialog } from './RuleFormDialog';
import { RuleTable } from './RuleTable';

/** Space left between positions of new rules, so one can be put between two without renumbering. */
const POSITION_STEP = 10;

type Editing = { rule?: RoutingRuleView } | null;

function RulesEditor() {
  const { t } = useTranslation();
  const rules = useAppStore((state) => state.routingRules);
  const error = useAppStore((state) => state.routingError);
  const loadRoutingRules = useAppStore((state) => state.loadRoutingRules);
  const [editing, setEditing] = useState<Editing>(null);
  const nextPosition = (rules ?? []).reduce((highest, rule) => Math.max(highest, rule.position), 0) + POSITION_STEP;

  return (
    <Stack gap="sm">
      <Group>
        <Button size="compact-sm" onClick={() => setEditing({})} data-testid="rule-add">
          {t('routing.add')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} onRetry={() => void loadRoutingRules()} />}
      {rules?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('routing.empty')}
        </Text>
      )}
      {rules && rules.length > 0 && <RuleTable rules={rules} onEdit={(rule) => setEditing({ rule })} />}
      <RuleFormDialog opened={editing !== null} onClose={() => setEditing(null)} rule={editing?.rule} nextPosition={nextPosition} />
    </Stack>
  );
}

/** Supervisors: the rules that put every new report in front of the right team. */
export function RoutingRulesScreen() {
  const { t } = useTranslation();
  return (
    <SupervisorScreen title={t('routing.title')} explanation={t('routing.explain')} maxWidth={1400}>
      <RulesEditor />
    </SupervisorScreen>
  );
}
