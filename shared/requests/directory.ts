/**
 * The addressees of follow-up actions: banks by bank code, telecom operators, the .nl registry, registrars and
 * hosters, remote-access and e-mail providers, exchanges, the international liaison route and the public
 * communication desk. Shipped as data with Dutch defaults and edited by supervisors (synced like other work).
 */
import { z } from 'zod';

export const DIRECTORY_KINDS = [
  'bank',
  'operator',
  'registry',
  'registrar',
  'hoster',
  'remote_access_provider',
  'email_provider',
  'exchange',
  'liaison',
  'communication',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const CONTACT_CHANNELS = ['email', 'portal', 'letter'] as const;

export const DIRECTORY_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const upperCodes = z.array(z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be upper-case letters or digits, e.g. INGB')).max(50);
const lowerNames = z.array(z.string().regex(/^[a-z0-9.-]{1,100}$/, 'must be lower case, e.g. anydesk or gmail.com')).max(200);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

export const directoryEntrySchema = z.strictObject({
  kind: z.enum(DIRECTORY_KINDS),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  /** How requests reach this party by default. */
  channel: z.enum(CONTACT_CHANNELS),
  email: z.email({ error: 'must be an e-mail address' }).nullable().optional(),
  portalUrl: z.url({ error: 'must be a web address' }).nullable().optional(),
  postalAddress: optionalText(500),
  /** Banks: the IBAN bank codes they hold (NL: positions 5–8 of the IBAN). */
  bankCodes: upperCodes.optional(),
  /** Liaison: ISO country codes served (`*` for every country not listed elsewhere). */
  countries: z.array(z.string().regex(/^([A-Z]{2}|\*)$/, 'must be an ISO country code such as DE, or *')).max(300).optional(),
  /** Registry: top-level domains it runs (`nl`). */
  tlds: lowerNames.optional(),
  /** Remote-access providers: tool names as in indicators (`anydesk`); e-mail providers and hosters: domains. */
  services: lowerNames.optional(),
  /** Exchanges: chains they handle (`btc`, `eth` …). */
  networks: lowerNames.optional(),
  notes: optionalText(1000),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export interface DirectoryEntryView extends DirectoryEntry {
  id: string;
  updatedBy: string;
  updatedAt: string;
}
