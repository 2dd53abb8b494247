import { z } from 'zod';
import { readPrivateFile, writePrivateFile } from './private-file';

/** What the officer set (the hub token lives with the secrets, never here). */
export interface StoredSettings {
  hubUrl: string | null;
  language: 'nl' | 'en';
  scope: string;
}

export const DEFAULT_SETTINGS: StoredSettings = { hubUrl: null, language: 'nl', scope: '*' };

const storedSettingsSchema = z.object({
  hubUrl: z.string().nullable().catch(null),
  language: z.enum(['nl', 'en']).catch('nl'),
  scope: z.string().catch('*'),
});

/** Settings in a JSON file; a damaged or older file falls back to defaults field by field rather than failing start-up. */
export function createSettingsFile(path: string) {
  return {
    read(): StoredSettings {
      const text = readPrivateFile(path);
      if (text === null) return { ...DEFAULT_SETTINGS };
      try {
        return storedSettingsSchema.parse(JSON.parse(text));
      } catch {
        return { ...DEFAULT_SETTINGS };
      }
    },
    write(settings: StoredSettings): void {
      writePrivateFile(path, `${JSON.stringify(settings, null, 2)}\n`);
    },
  };
}

export type SettingsFile = ReturnType<typeof createSettingsFile>;
