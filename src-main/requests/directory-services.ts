/** Supervisors' changes to the directory of addressees, recorded as mutations (synced to every workstation). */
import { DIRECTORY_ID_PATTERN, type DirectoryEntry, type DirectoryEntryView, type DirectoryKind } from '../../shared/requests/directory';
import { AppError } from '../../shared/errors';
import type { CaseStore } from '../db/open-store';
import { recordMutation } from '../mutations/record-mutation';
import { buildMutation, type ServiceDeps } from '../mutations/services/service-deps';
import { findDirectoryEntry } from './directory-entries';
import { requireSupervisor } from '../mutations/services/guards';

const ID_PREFIX: Record<DirectoryKind, string> = {
  bank: 'bank',
  operator: 'operator',
  registry: 'registry',
  registrar: 'registrar',
  hoster: 'hoster',
  remote_access_provider: 'remote',
  email_provider: 'mail',
  exchange: 'exchange',
  liaison: 'liaison',
  communication: 'communication',
};

/** A readable id for a new entry, e.g. `bank.de-volksbank`, unique in this store. */
function newDirectoryId(store: CaseStore, entry: DirectoryEntry): string {
  const slug =
    entry.name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'entry';
  const base = `${ID_PREFIX[entry.kind]}.${slug}`;
  let id = base;
  for (let suffix = 2; findDirectoryEntry(store.sqlite, id); suffix += 1) id = `${base}-${suffix}`;
  if (!DIRECTORY_ID_PATTERN.test(id)) throw new AppError('INTERNAL', 'Could not make an id for the directory entry.');
  return id;
}

/** Adds an entry (without `entryId`) or replaces one; supervisors only. */
export function putDirectoryEntry(store: CaseStore, deps: ServiceDeps, input: { officer: string; entryId?: string; entry: DirectoryEntry }): DirectoryEntryView {
  requireSupervisor(store.sqlite, input.officer, 'change the directory of addressees');
  if (input.entryId !== undefined && !findDirectoryEntry(store.sqlite, input.entryId)) {
    throw new AppError('NOT_FOUND', `The directory has no entry ${input.entryId}; leave the id out to add a new one.`);
  }
  const entryId = input.entryId ?? newDirectoryId(store, input.entry);
  const mutation = recordMutation(store, buildMutation(deps, input.officer, 'directory.put', { entryId, entry: input.entry }));
  return { ...input.entry, id: entryId, updatedBy: mutation.officer, updatedAt: mutation.at };
}

export function removeDirectoryEntry(store: CaseStore, deps: ServiceDeps, input: { officer: string; entryId: string }): void {
  requireSupervisor(store.sqlite, input.officer, 'change the directory of addressees');
  if (!findDirectoryEntry(store.sqlite, input.entryId)) throw new AppError('NOT_FOUND', `The directory has no entry ${input.entryId}.`);
  recordMutation(store, buildMutation(deps, input.officer, 'directory.remove', { entryId: input.entryId }));
}
