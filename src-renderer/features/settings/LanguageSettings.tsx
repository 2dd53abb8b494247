import { SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store-context';
import { Section } from '../../ui/Section';

export function LanguageSettings() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  return (
    <Section title={t('settings.language.title')} testId="settings-language">
      <Text size="sm" mb="xs" id="language-label">
        {t('settings.language.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        value={language}
        onChange={(value) => void setLanguage(value)}
        data={[
          // Each language is named in itself, so an officer can find their own whatever is showing.
          { value: 'nl', label: 'Nederlands' },
          { value: 'en', label: 'English' },
        ]}
        data-testid="language-switch"
      />
    </Section>
  );
}
