/** The overview's tunable data (service levels, spike threshold), kept in `store_meta` beside the data it judges. */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { OverviewSettings } from '../../shared/overview/types';
import { AppError } from '../../shared/errors';
import { readMeta, writeMeta } from '../db/store-meta';
import brands from './brands.json';

const SETTINGS_KEY = 'overview.settings';

export const DEFAULT_OVERVIEW_SETTINGS: OverviewSettings = {
  // First handling within 5 working days; what hurts fast (helpdesk and bank helpdesk fraud, sextortion) sooner.
  serviceLevels: { default: 5, byCategory: { bank_helpdesk_fraud: 2, helpdesk_fraud: 3, sextortion: 2, ransomware: 2 } },
  spikes: { recentDays: 7, baselineDays: 56, maxTailProbability: 1e-4, minRecent: 5 },
  harmDays: 14,
  weeks: 12,
  brands,
};

const days = z.number().int().min(1).max(365);
const settingsSchema = z.object({
  serviceLevels: z.object({ default: days, byCategory: z.record(z.string(), days) }),
  spikes: z.object({
    recentDays: days,
    baselineDays: days,
    maxTailProbability: z.number().gt(0).lt(1),
    minRecent: z.number().int().min(1),
  }),
  harmDays: days,
  weeks: z.number().int().min(1).max(104),
  // Settings stored before brands were data get the default list.
  brands: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(80),
        marks: z.array(z.string().regex(/^[a-z0-9]{2,40}$/, 'a mark is 2 to 40 lower case letters or digits')).min(1),
        domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, 'a domain like ing.nl')),
      }),
    )
    .default(brands),
});

export function readOverviewSettings(sqlite: Database.Database): OverviewSettings {
  const stored = readMeta(sqlite, SETTINGS_KEY);
  if (stored === undefined) return DEFAULT_OVERVIEW_SETTINGS;
  const parsed = settingsSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : DEFAULT_OVERVIEW_SETTINGS;
}

/** Replaces the settings after checking them; a bad value is refused with what is wrong. */
export function writeOverviewSettings(sqlite: Database.Database, settings: unknown): OverviewSettings {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) throw new AppError('BAD_INPUT', `These overview settings are not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  writeMeta(sqlite, SETTINGS_KEY, JSON.stringify(parsed.data));
  return parsed.data;
}
