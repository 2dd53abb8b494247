import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

/** Dutch first; the resources are bundled, so initialisation is synchronous. */
export function createI18n(language: 'nl' | 'en' = 'nl'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nl',
    initAsync: false,
    // React escapes text itself; untrusted values are never turned into HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
