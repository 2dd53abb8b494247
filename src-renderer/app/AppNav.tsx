import { Badge, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store-context';
import type { Screen, View } from './navigation-slice';

interface NavItem {
  screen: Screen;
  target: View;
}

const ITEMS: NavItem[] = [
  { screen: 'queue', target: { screen: 'queue' } },
  { screen: 'indicators', target: { screen: 'indicators' } },
  { screen: 'cases', target: { screen: 'cases' } },
  { screen: 'settings', target: { screen: 'settings' } },
];

/** The report screen belongs to the queue in the navigation. */
const sectionOf = (screen: Screen): Screen => (screen === 'report' ? 'queue' : screen);

export function AppNav() {
  const { t } = useTranslation();
  const current = useAppStore((state) => sectionOf(state.view.screen));
  const navigate = useAppStore((state) => state.navigate);
  const officer = useAppStore((state) => state.session?.officer.displayName);
  const demo = useAppStore((state) => state.session?.demo ?? false);

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
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <UnstyledButton
              className="nav-item"
              aria-current={current === item.screen ? 'page' : undefined}
              onClick={() => navigate(item.target)}
              data-testid={`nav-${item.screen}`}
            >
              {t(`nav.${item.screen as 'queue'}`)}
            </UnstyledButton>
          </li>
        ))}
      </Stack>
      {officer && (
        <Text size="xs" className="signed-in">
          {t('app.signedInAs', { name: officer })}
        </Text>
      )}
    </nav>
  );
}
