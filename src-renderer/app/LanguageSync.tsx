import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store-context';

/** Keeps i18next and the document language in step with the language in the store. */
export function LanguageSync() {
  const { i18n } = useTranslation();
  const language = useAppStore((state) => state.language);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return null;
}
