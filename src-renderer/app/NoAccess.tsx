import { Center, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Browser mode without a token: the page was not opened through the link the app printed. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" maw={480}>
        <Title order={1} fz="h3" mb="sm">
          {t('app.noAccess.title')}
        </Title>
        <Text>{t('app.noAccess.body')}</Text>
      </Paper>
    </Center>
  );
}
