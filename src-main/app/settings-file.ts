import { z } from 'zod';
import { readPrivateFile, writePrivateFile } from './private-file';

/** What the officer set (the hub token lives with the secrets, never here). */
export interface StoredSettings {
  hubUrl: string | null;
  /** PEM file of the certificate authority of the hub's certificate (a force's own CA); null: the system's. */
  hubCaFile: string | null;
  language: 'nl' | 'en';
  scope: string;
  /** The officer who signed in last; signed in again at the next start. */
  officerId: string | null;
}

export const DEFAULT_SETTINGS: StoredSettings = { hubUrl: null, hubCaFile: null, language: 'nl', scope: '*', officerId: null };

const storedSettingsSchema = z.object({
  hubUrl: z.string().nullable().catch(null),
  hubCaFile: z.string().nullable().catch(null),
  language: z.enum(['nl', 'en']).catch('nl'),
  scope: z.string().catch('*'),
  officerId: z.string().nullable().catch(null),
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
