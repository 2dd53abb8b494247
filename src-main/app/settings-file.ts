import { z } from 'zod';
import { IDLE_LOCK_MINUTES } from '../../shared/api/views';
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
  /** Minutes without keyboard or mouse after which the screen locks. */
  idleLockMinutes: number;
}

export const DEFAULT_SETTINGS: StoredSettings = { hubUrl: null, hubCaFile: null, language: 'nl', scope: '*', officerId: null, idleLockMinutes: IDLE_LOCK_MINUTES.default };

const storedSettingsSchema = z.object({
  hubUrl: z.string().nullable().catch(null),
  hubCaFile: z.string().nullable().catch(null),
  language: z.enum(['nl', 'en']).catch('nl'),
  scope: z.string().catch('*'),
  officerId: z.string().nullable().catch(null),
  idleLockMinutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max).catch(IDLE_LOCK_MINUTES.default),
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
