import { AppError } from '../../shared/errors';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { validateMutation } from '../../shared/mutations/schema';
import type { CaseStore } from '../db/open-store';
import { createAuditAppender } from '../audit/audit-log';
import { readCursor } from '../db/sync-cursor';
import { applierFor } from './applier-cache';
import { auditFactsOf } from './audit-subject';
import { signingKeyOf, signMutation } from './officer-signing';
import type Database from 'better-sqlite3';
import { removalHoldersOf } from '../db/removal-holders';
import { lateQuoteWindowEnd, quotingSubject, reportOfNote, WITHDRAWN_NOTE_REASON, writtenWhileHeld } from '../../shared/retention/late-quotes';
import { reportStatus } from '../db/reports/lookup';
import { writeTransaction } from '../db/write-transaction';

/**
 * A text for a case or request that held a report this store purged (or saw withdrawn) less than two days ago is refused at once, with
 * the day it is taken again: the hub refuses it by the same rule once it purged the report too, and the officer would
 * otherwise see it vanish at the next push. A case whose reports expire on several days refuses texts for two days
 * after each.
 */
function refuseWithinRetentionWindow(sqlite: Database.Database, mutation: AnyMutation): void {
  refuseNoteOnWithdrawnReport(sqlite, mutation);
  const subject = quotingSubject(mutation);
  const removal = subject === null ? null : removalHoldersOf(sqlite).removal(subject);
  if (removal === null || !writtenWhileHeld(mutation, new Date(mutation.at), removal.removedOn)) return;
  const { removedOn } = removal;
  const from = lateQuoteWindowEnd(removedOn);
  const what = removal.cause === 'withdrawn' ? 'withdrawn by its reporter' : 'removed under the retention period';
  throw new AppError('RETENTION_WINDOW', `This ${subject!.startsWith('case:') ? 'case' : 'request'} held a report ${what} on ${removedOn}; texts for it are taken again from ${from}.`, {
    removedOn,
    from,
  });
}

/**
 * A note on a report this store saw withdrawn less than two days ago is refused at once, in the hub's words and with
 * its code (src-hub/mutations/authority/withdrawn-notes.ts), instead of vanishing at the next push. The report writer
 * remembers the day of the withdrawal as `report:<id>` among the removal holders.
 */
function refuseNoteOnWithdrawnReport(sqlite: Database.Database, mutation: AnyMutation): void {
  const reportId = reportOfNote(mutation);
  if (reportId === null || reportStatus(sqlite, reportId) !== 'withdrawn') return;
  const withdrawnOn = removalHoldersOf(sqlite).removal(`report:${reportId}`)?.removedOn ?? null;
  if (withdrawnOn === null || !writtenWhileHeld(mutation, new Date(mutation.at), withdrawnOn)) return;
  const from = lateQuoteWindowEnd(withdrawnOn);
  const reason = WITHDRAWN_NOTE_REASON.charAt(0).toUpperCase() + WITHDRAWN_NOTE_REASON.slice(1);
  throw new AppError('RETENTION_WINDOW', `${reason}. Notes on it are taken again from ${from}.`, { removedOn: withdrawnOn, from });
}

/**
 * The local write path of every officer's change: in one transaction it validates the mutation, shows it
 * (optimistically, on top of hub state), queues it in the outbox for the hub and notes it in the audit log.
 * It records what the officer could have seen: the store's pull cursor at that moment (`basis`), and signs the
 * change with the officer's key when they signed in here (./officer-signing.ts).
 */
export function recordMutation(store: CaseStore, mutation: AnyMutation): AnyMutation {
  const validation = validateMutation(mutation);
  if (!validation.ok) throw new AppError('BAD_INPUT', `The change cannot be recorded: ${validation.reason}.`);
  const { sqlite } = store;
  const applier = applierFor(sqlite);
  let valid = validation.mutation;
  writeTransaction(sqlite, () => {
    valid = { ...valid, basis: readCursor(sqlite) };
    // Signed with its officer's key on this workstation, so that it stays theirs whoever pushes it later.
    const key = signingKeyOf(sqlite, valid.officer);
    if (key) valid = signMutation(valid, key);
    if (applier.outbox.find(valid.id) || sqlite.prepare('SELECT 1 FROM sync_applied WHERE mutation_id = ?').get(valid.id)) {
      throw new AppError('CONFLICT', `A change with id ${valid.id} was already recorded.`);
    }
    refuseWithinRetentionWindow(sqlite, valid);
    applier.outbox.add(valid);
    applier.applyPending(valid);
    const facts = auditFactsOf(valid);
    createAuditAppender(sqlite)(valid.at, { actor: valid.officer, action: valid.kind, subjectType: facts.subjectType, subjectId: facts.subjectId, details: facts.details });
  })();
  return valid;
}
