import { directoryEntrySchema, type DirectoryEntry, type DirectoryEntryView, type DirectoryKind } from '../../../shared/requests/directory';
import type { SendMethod } from '../../../shared/requests/lifecycle';

export const MATCH_LISTS = ['bankCodes', 'countries', 'tlds', 'services', 'networks'] as const;
export type MatchList = (typeof MATCH_LISTS)[number];

/** What each kind of addressee is recognised by (what an indicator is matched against). */
export const MATCH_LIST_OF_KIND: Record<DirectoryKind, MatchList | null> = {
  bank: 'bankCodes',
  operator: null,
  registry: 'tlds',
  registrar: 'services',
  hoster: 'services',
  remote_access_provider: 'services',
  email_provider: 'services',
  exchange: 'networks',
  liaison: 'countries',
  communication: null,
};

/** Codes are compared as the directory stores them: bank and country codes upper case, names lower case. */
const NORMALIZE: Record<MatchList, (value: string) => string> = {
  bankCodes: (value) => value.trim().toUpperCase(),
  countries: (value) => value.trim().toUpperCase(),
  tlds: (value) => value.trim().toLowerCase().replace(/^\./, ''),
  services: (value) => value.trim().toLowerCase(),
  networks: (value) => value.trim().toLowerCase(),
};

export interface DirectoryForm extends Record<MatchList, string[]> {
  kind: DirectoryKind;
  name: string;
  channel: SendMethod;
  email: string;
  portalUrl: string;
  postalAddress: string;
  notes: string;
}

export const DIRECTORY_FORM_FIELDS = ['name', 'email', 'portalUrl', ...MATCH_LISTS] as const;
export type DirectoryFormField = (typeof DIRECTORY_FORM_FIELDS)[number] | 'invalid';

export const emptyDirectoryForm = (kind: DirectoryKind): DirectoryForm => ({
  kind,
  name: '',
  channel: 'email',
  email: '',
  portalUrl: '',
  postalAddress: '',
  notes: '',
  bankCodes: [],
  countries: [],
  tlds: [],
  services: [],
  networks: [],
});

export const formOfEntry = (entry: DirectoryEntryView): DirectoryForm => ({
  kind: entry.kind,
  name: entry.name,
  channel: entry.channel,
  email: entry.email ?? '',
  portalUrl: entry.portalUrl ?? '',
  postalAddress: entry.postalAddress ?? '',
  notes: entry.notes ?? '',
  bankCodes: entry.bankCodes ?? [],
  countries: entry.countries ?? [],
  tlds: entry.tlds ?? [],
  services: entry.services ?? [],
  networks: entry.networks ?? [],
});

const text = (value: string): string | null => value.trim() || null;

/** The entry to save, checked by the schema the hub applies; or the fields that are wrong. */
export function entryOfForm(form: DirectoryForm): { entry: DirectoryEntry } | { errors: DirectoryFormField[] } {
  const lists = Object.fromEntries(
    MATCH_LISTS.map((list) => [list, [...new Set(form[list].map(NORMALIZE[list]).filter(Boolean))]] as const).filter(([, values]) => values.length > 0),
  );
  const parsed = directoryEntrySchema.safeParse({
    kind: form.kind,
    name: form.name.trim(),
    channel: form.channel,
    email: text(form.email),
    portalUrl: text(form.portalUrl),
    postalAddress: text(form.postalAddress),
    notes: text(form.notes),
    ...lists,
  });
  if (parsed.success) return { entry: parsed.data };
  const fields = parsed.error.issues.map((issue) => DIRECTORY_FORM_FIELDS.find((field) => field === issue.path[0]) ?? 'invalid');
  return { errors: [...new Set(fields)] };
}
