import { AppError } from '../../../shared/errors';
import type { CaseStore } from '../../db/open-store';
import { createAuditAppender } from '../../audit/audit-log';
import { dismissConflictNotice, listConflictNotices, type ConflictNotice } from '../conflict-notices';
import { requireOfficer, type ServiceDeps } from './service-deps';
import { writeTransaction } from '../../db/write-transaction';

/** "Your change was overridden" notices the officer has not dismissed yet, oldest first. */
export function listSyncConflicts(store: CaseStore): ConflictNotice[] {
  return listConflictNotices(store.sqlite);
}

/** The officer has read the notice. Local only: notices are this workstation's, they never travel. */
export function dismissSyncConflict(store: CaseStore, deps: ServiceDeps, input: { officer: string; id: number }): void {
  const officer = requireOfficer(input.officer);
  const at = deps.clock.now().toISOString();
  writeTransaction(store.sqlite, () => {
    if (!dismissConflictNotice(store.sqlite, input.id, at)) throw new AppError('NOT_FOUND', `There is no open sync notice ${input.id}.`);
    createAuditAppender(store.sqlite)(at, { actor: officer, action: 'sync.conflict_dismissed', subjectType: 'sync_conflict', subjectId: String(input.id) });
  })();
}
