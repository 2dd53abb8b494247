import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteExplanation } from '../../../shared/routing/rules';
import { useAppStore } from '../../state/store-context';
import { PriorityBadge } from '../../ui/badges';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FactList } from '../../ui/FactList';
import { formatDateTime } from '../../ui/format';
import { OfficerName } from '../../ui/Officer';
import { Section } from '../../ui/Section';
import { selectIsSupervisor } from '../../state/session-selectors';
import { RerouteDialog } from './RerouteDialog';

const sameRoute = (a: RouteExplanation, b: RouteExplanation) => a.team === b.team && a.priority === b.priority && a.ruleId === b.ruleId;

function RouteFacts({ route }: { route: RouteExplanation }) {
  const { t } = useTranslation();
  return (
    <FactList
      columns={1}
      facts={[
        { label: t('route.team'), value: route.team ?? '—' },
        { label: t('route.priority'), value: <PriorityBadge priority={route.priority} /> },
        { label: t('route.assignee'), value: <OfficerName id={route.assignee} /> },
        { label: t('route.rule'), value: route.manual ? null : (route.ruleName ?? t('route.noRule')) },
      ]}
    />
  );
}

/** Why the rule matched (its facts), or who re-routed the report by hand and why. */
function RouteReason({ route }: { route: RouteExplanation }) {
  const { t } = useTranslation();
  if (route.manual) {
    return (
      <Text size="sm" data-testid="route-manual">
        {t('route.manual', { at: formatDateTime(route.manual.at) })} <OfficerName id={route.manual.by} />: {route.manual.reason}
      </Text>
    );
  }
  if (route.matched.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('route.matched')}
      </Text>
      <ul className="route-facts" data-testid="route-matched">
        {route.matched.map((fact) => (
          <li key={fact}>
            <Text span size="xs">
              {fact}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SupervisorRouteActions({ current }: { current: RouteExplanation | null }) {
  const { t } = useTranslation();
  const applyRoutingToReport = useAppStore((state) => state.applyRoutingToReport);
  const [rerouting, setRerouting] = useState(false);
  const [applying, setApplying] = useState(false);
  return (
    <Group gap="xs">
      <Button size="compact-sm" variant="default" onClick={() => setRerouting(true)} data-testid="route-reroute">
        {t('route.reroute')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        loading={applying}
        onClick={() => {
          setApplying(true);
          void applyRoutingToReport().finally(() => setApplying(false));
        }}
        data-testid="route-apply"
      >
        {t('route.applyRules')}
      </Button>
      <RerouteDialog opened={rerouting} onClose={() => setRerouting(false)} current={current} />
    </Group>
  );
}

/** "Waarom staat deze melding hier?": the team, priority and rule that put the report here, and for supervisors the way to move it. */
export function RouteExplanationPanel({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const explanation = useAppStore((state) => (state.routeExplanation?.reportId === reportId ? state.routeExplanation : null));
  const error = useAppStore((state) => state.routeExplanationError);
  const supervisor = useAppStore(selectIsSupervisor);
  const loadRouteExplanation = useAppStore((state) => state.loadRouteExplanation);

  return (
    <Section title={t('route.title')} testId="report-route">
      {error && <ErrorAlert error={error} onRetry={() => void loadRouteExplanation(reportId)} />}
      {!explanation && !error && <Text size="sm">{t('common.loading')}</Text>}
      {explanation && (
        <Stack gap="xs">
          {explanation.current ? (
            <>
              <RouteFacts route={explanation.current} />
              <RouteReason route={explanation.current} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('route.notRouted')}
            </Text>
          )}
          {(!explanation.current || !sameRoute(explanation.current, explanation.byRules)) && (
            <Text size="sm" data-testid="route-by-rules">
              <Text span fw={500}>
                {t('route.byRules')}:
              </Text>{' '}
              {t('route.byRulesValue', { team: explanation.byRules.team ?? '—', priority: t(`routePriority.${explanation.byRules.priority}`) })}
              {explanation.byRules.ruleName ? ` (${explanation.byRules.ruleName})` : ''}
            </Text>
          )}
          {supervisor && <SupervisorRouteActions current={explanation.current} />}
        </Stack>
      )}
    </Section>
  );
}
