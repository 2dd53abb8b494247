import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddresseeRoute } from '../../../shared/api/request-views';

/** Why the request goes where it goes: the rule's sentence, the indicator's country and kind, the liaison route. */
export function AddresseeRouteFacts({ route }: { route: AddresseeRoute }) {
  const { t } = useTranslation();
  return (
    <div data-testid="addressee-route">
      <Text size="sm">
        <Text span fw={500}>
          {t('requests.draft.why')}:
        </Text>{' '}
        {route.explanation}
      </Text>
      <Group gap="xs" mt={4}>
        {route.country && (
          <Text size="xs">
            {t('requests.draft.country')}: <span className="mono">{route.country}</span>
          </Text>
        )}
        {route.phoneKind && (
          <Text size="xs">
            {t('requests.draft.phoneKind')}: {t(`phoneKind.${route.phoneKind}`)}
          </Text>
        )}
        {route.viaLiaison && (
          <Badge size="sm" variant="light" color="warn" tt="none" styles={{ label: { color: 'var(--mantine-color-dark-8)' } }}>
            {t('requests.draft.viaLiaison')}
          </Badge>
        )}
      </Group>
    </div>
  );
}
