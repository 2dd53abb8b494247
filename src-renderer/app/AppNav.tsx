import { Badge, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OfficerSwitcher } from '../features/session/OfficerSwitcher';
import type { OfficerRole } from '../../shared/api/views';
import { mayReadAudit } from '../../shared/audit/readers';
import { useAppStore } from '../state/store-context';
import type { Screen, View } from './navigation-slice';

interface NavItem {
  screen: Screen;
  target: View;
  /** Shown only to whom this says may use it (the core and the hub refuse the rest anyway); everyone without it. */
  shownTo?: (role: OfficerRole | undefined) => boolean;
}

const isSupervisor = (role: OfficerRole | undefined) => role === 'supervisor';

const ITEMS: NavItem[] = [
  { screen: 'queue', target: { screen: 'queue' } },
  { screen: 'indicators', target: { screen: 'indicators' } },
  { screen: 'cases', target: { screen: 'cases' } },
  { screen: 'requests', target: { screen: 'requests' } },
  { screen: 'overview', target: { screen: 'overview' } },
  { screen: 'approvals', target: { screen: 'approvals' }, shownTo: isSupervisor },
  { screen: 'routing', target: { screen: 'routing' }, shownTo: isSupervisor },
  { screen: 'directory', target: { screen: 'directory' }, shownTo: isSupervisor },
  { screen: 'logbook', target: { screen: 'logbook' }, shownTo: mayReadAudit },
  { screen: 'settings', target: { screen: 'settings' } },
];

/** The report screen belongs to the queue in the navigation. */
const sectionOf = (screen: Screen): Screen => (screen === 'report' ? 'queue' : screen);

/** How many requests wait for a supervisor, beside "Ter goedkeuring". */
function WaitingCount() {
  const { t } = useTranslation();
  const waiting = useAppStore((state) => state.approvalQueue?.length ?? 0);
  if (waiting === 0) return null;
  return (
    <Badge size="sm" color="yellow" variant="filled" ml={6} styles={{ label: { color: 'var(--mantine-color-dark-9)' } }} data-testid="approvals-waiting">
      <span aria-hidden="true">{waiting}</span>
      <span className="visually-hidden">({t('nav.waiting', { count: waiting })})</span>
    </Badge>
  );
}

export function AppNav() {
  const { t } = useTranslation();
  const current = useAppStore((state) => sectionOf(state.view.screen));
  const navigate = useAppStore((state) => state.navigate);
  const role = useAppStore((state) => state.session?.officer?.role);
  const demo = useAppStore((state) => state.session?.demo ?? false);
  const items = ITEMS.filter((item) => item.shownTo?.(role) ?? true);

  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <div className="brand">
        <Text fw={700} fz="lg" c="white">
          {t('app.name')}
        </Text>
        {demo && (
          <Badge size="xs" color="yellow" variant="filled" styles={{ root: { flexShrink: 0, minWidth: 'max-content' }, label: { color: 'var(--mantine-color-dark-9)' } }}>
            {t('app.demo')}
          </Badge>
        )}
      </div>
      <Stack gap={2} component="ul" className="plain-list nav-list">
        {items.map((item) => (
          <li key={item.screen}>
            <UnstyledButton
              className="nav-item"
              aria-current={current === item.screen ? 'page' : undefined}
              onClick={() => navigate(item.target)}
              data-testid={`nav-${item.screen}`}
            >
              {t(`nav.${item.screen as 'queue'}`)}
              {item.screen === 'approvals' && <WaitingCount />}
            </UnstyledButton>
          </li>
        ))}
      </Stack>
      <OfficerSwitcher />
    </nav>
  );
}
