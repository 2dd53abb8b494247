import { redactQuotingNotes, redactReportNotes, redactRequestQuotes } from '../mutations/report-traces';
import { redactHolderTexts } from '../mutations/holder-texts';
import { reportWords, WITHDRAWN_NOTE, WITHDRAWN_QUOTE, type ReportWords } from '../../shared/retention/report-words';
import { decideRevision, redactRecord, storedRevisionText, withdrawnUpTo, type IntakeOutcome } from '../../shared/intake/revision-rules';
import type { IntakeRecord } from '../../shared/intake/schema';
import { loadBenignMatcher, type BenignMatcher, type MentionWithDomain } from '../benign/benign-matcher';
import { benignListWrites } from '../benign/benign-values';
import type { CaseStore } from '../db/open-store';
import { oweWalTruncation, settleOwedWalTruncation } from '../db/owed-wal-truncation';
import { extractIndicators } from '../../shared/indicators/extract-record';
import { createClusterMaintainer } from '../linking/cluster-maintainer';
import type { Clock } from '../../shared/platform/clock';
import { createReportTextIndex } from '../search/report-text-index';
import type { Actor } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { createIntakeLog } from '../audit/intake-entries';
import { recordRow, rowValues, type RecordRow } from '../db/report-row';
import { prepareMentionsAdded, prepareReportWriting, settleKeptCountsDeferral, type ExistingReport, type NewMention, type StoredMention } from '../db/reports/writes';
import { packRevision, readsBackAfter, revisionText, type PackedRevision } from '../db/stored-revision';
import { createTombstones } from './tombstones';
import { createRemovalHolders, type RemovalHolders } from '../db/removal-holders';
import { errorKind } from '../../shared/errors';
import { silentLogger, type Logger } from '../../shared/platform/logger';
import { openWriteTransaction, writeTransaction } from '../db/write-transaction';

const SURROGATE = /[\uD800-\uDFFF]/;

/** `purged`: the report was purged here by retention (./tombstones.ts) and is not taken again. */
export type ApplyOutcome = IntakeOutcome | 'purged';

export interface ReportInput {
  record: IntakeRecord;
  /** The record exactly as received, so unknown fields survive. */
  raw: string;
  /**
   * What the report's row takes from the record, when already derived (the prepare worker does that); else derived
   * here. With it, the writer reads `record` only to redact a withdrawn revision.
   */
  row?: RecordRow | undefined;
  /** Its indicators when already extracted (the import does that on a worker thread, URLs' domains too); else extracted here. */
  mentions?: readonly MentionWithDomain[];
  /**
   * `raw` packed for storing as the report's current revision (src-main/db/stored-revision.ts), when the prepare
   * worker did that already; else packed here.
   */
  packed?: PackedRevision | undefined;
}

/** This connection's count of changed rows and the store's data_version (other connections' commits). */
interface StoreMark {
  changes: number;
  version: number;
}

interface ResolvedMentions {
  mentions: NewMention[];
  /** The non-benign indicators the report links through. */
  linking: Set<number>;
  /** Those of them whose rows were inserted just now. */
  created: Set<number>;
}

/**
 * Applies intake records to the store: highest revision wins, withdrawals drop personal data and links,
 * clusters follow incrementally. Order-independent: any order of the same records gives the same store.
 */
export interface ReportWriterDeps {
  clock: Clock;
  actor: Actor;
  /** Where a batch's failed WAL settle is told (the import's stderr); silent without one. */
  logger?: Logger;
}

export function createReportWriter(store: CaseStore, deps: ReportWriterDeps) {
  const { sqlite } = store;
  const audit = createAuditAppender(sqlite);
  // One entry per batch for what it received, revised and withdrew; a report applied alone writes its own at once.
  const intake = createIntakeLog(audit, deps.actor);
  const clusters = createClusterMaintainer(sqlite);
  const textIndex = createReportTextIndex(sqlite);
  const tombstones = createTombstones(sqlite);
  // Prepared at the first withdrawal, not with the writer: most imports have none, and the upgrade tests write
  // into an older schema that lacks its table.
  let removalHolders: RemovalHolders | null = null;

  const {
    findReport,
    storedReportIds,
    insertReport,
    updateReport,
    hasRevision,
    highestWithdrawal,
    insertRevision,
    revisionsUpTo,
    replaceRevisionRaw,
    cutRevisions,
    deleteRevision,
    storedMentions,
    deleteMention,
    findIndicator,
    insertIndicatorIfNew,
    lowerFirstReceived,
    insertMentions,
    deferKeptCounts,
    settleKeptCounts,
    keptCountsMark,
    newestReport,
    raiseKeptCountsMark,
  } = prepareReportWriting(sqlite);

  // Indicator rows repeat across reports (mule IBANs, spoofed numbers); remembering their ids saves a lookup each.
  // Only inside a batch; kept from one batch to the next once its transaction committed — applyBatch's own, or the
  // caller's of inBatch (a feed slice), which says so with transactionEnded — and dropped when one rolls back.
  // Dropped too when the benign list changes, and when anything else wrote the store since that commit (retention
  // purges indicators no report names any more): this connection's count of changed rows and the store's
  // data_version (other connections' commits) are then no longer as the commit left them. The writer's own writes
  // between batches (the WAL's settle, the kept counts' settle) touch no indicator row: they keep them (betweenBatches).
  // By type, then value: no key string is built (and hashed) per mention.
  let knownIndicators = new Map<string, Map<string, { id: number; benign: boolean }>>();
  let knownCount = 0;
  const forgetIndicators = () => {
    knownIndicators = new Map();
    knownCount = 0;
    clusters.forget();
  };
  let batching = false;
  const changedRows = sqlite.prepare<[], number>('SELECT total_changes()').pluck();
  const dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  const storeMark = (): StoreMark => ({ changes: changedRows.get()!, version: dataVersion.get()! });
  const sameMark = (a: StoreMark, b: StoreMark) => a.changes === b.changes && a.version === b.version;

  // The benign list as last read, and when: read again only once it may have changed (officers edit it rarely).
  const benignListMark = () => `${benignListWrites(sqlite)} ${dataVersion.get()}`;
  let benignReadAt = benignListMark();
  let benign: BenignMatcher = loadBenignMatcher(sqlite);
  /** Reads the benign list again if it may have changed; then the remembered indicators' benign flags may be stale too. */
  function followBenignList(): void {
    const mark = benignListMark();
    if (mark === benignReadAt) return;
    benign = loadBenignMatcher(sqlite);
    benignReadAt = mark;
    forgetIndicators();
  }
  /** The store as the last batch's commit left it; null when a batch failed, none ran, or its commit is still to come. */
  let markAfterLastBatch: StoreMark | null = null;
  /** An inBatch ran in the caller's transaction, which has not ended yet. */
  let batchUncommitted = false;
  /** Keeps the indicators remembered only if nothing wrote the store since the last batch's commit. */
  function followStoreMark(): void {
    if (markAfterLastBatch === null || !sameMark(storeMark(), markAfterLastBatch)) forgetIndicators();
    markAfterLastBatch = null;
  }
  /**
   * Runs one of the writer's own writes between batches, which changes no indicator row: when nothing else wrote the
   * store since the last batch's commit, its remembered indicators stay valid after it. The mark keeps the store's
   * data_version as it was before the write: another connection's commit meanwhile still shows at the next batch.
   */
  function betweenBatches<T>(write: () => T): T {
    const before = markAfterLastBatch;
    const unchanged = before !== null && sameMark(storeMark(), before);
    try {
      return write();
    } finally {
      markAfterLastBatch = unchanged ? { changes: changedRows.get()!, version: before.version } : null;
    }
  }
  const MAX_KNOWN_INDICATORS = 200_000;
  /** Inside a batch: whether retention purged a report here, the store's purge key read once for the batch. */
  let purgedInBatch: ((reportId: string) => boolean) | null = null;

  /**
   * Inside an import's batch: the report ids that may have a row — those the store held when the batch began (read
   * in one statement) and those the batch met since. Any other is new, and its lookup is skipped (most of an import's
   * reports are new). Only the batch writes in its transaction, so no row appears otherwise. Null: look each one up.
   */
  let mayBeStored: Set<string> | null = null;
  /**
   * The ids of a batch's reports that have a row already; null when one holds a surrogate (the contract's ids are
   * ASCII; a lone surrogate would not read back the same through JSON), so that each is looked up.
   */
  function storedOf(inputs: readonly ReportInput[]): Set<string> | null {
    const reportIds = inputs.map((input) => input.row?.reportId ?? input.record.reportId);
    if (reportIds.some((reportId) => SURROGATE.test(reportId))) return null;
    return new Set(storedReportIds.all(JSON.stringify(reportIds)));
  }

  /** The indicator's row, inserted when new (`created`). */
  function indicatorFor(mention: MentionWithDomain): { id: number; benign: boolean; created?: true } {
    const knownOfType = batching ? knownIndicators.get(mention.type) : undefined;
    const known = knownOfType?.get(mention.value);
    if (known) return known;
    // Inserted first, looked up only when the row was there: most indicators an import meets are new, and an insert
    // that finds its key taken costs one search of the index, as the lookup before it did.
    const reason = benign.reasonFor(mention.type, mention.value, mention.urlDomain);
    const enrichment = mention.enrichment && Object.keys(mention.enrichment).length > 0 ? JSON.stringify(mention.enrichment) : null;
    const inserted = insertIndicatorIfNew.run(mention.type, mention.value, enrichment, reason);
    let indicator: { id: number; benign: boolean };
    let created = false;
    if (inserted.changes === 1) {
      indicator = { id: Number(inserted.lastInsertRowid), benign: reason !== null };
      created = true;
    } else {
      const found = findIndicator.get(mention.type, mention.value)!;
      indicator = { id: found.id, benign: found.benign_reason !== null };
    }
    if (batching) {
      if (knownCount >= MAX_KNOWN_INDICATORS) forgetIndicators();
      let ofType = knownIndicators.get(mention.type);
      if (!ofType) knownIndicators.set(mention.type, (ofType = new Map<string, { id: number; benign: boolean }>()));
      ofType.set(mention.value, indicator);
      knownCount += 1;
    }
    return created ? { id: indicator.id, benign: indicator.benign, created: true } : indicator;
  }

  /**
   * The record's mentions with their indicator rows (inserted when new), each indicator once per field; with the
   * non-benign indicators it links through, and those of them created just now (no other report can mention those yet).
   */
  function resolveMentions(input: ReportInput, row: RecordRow): ResolvedMentions {
    const resolved: ResolvedMentions = { mentions: [], linking: new Set(), created: new Set() };
    if (row.status !== 'filed') return resolved;
    // Each indicator once per field: extraction names each type and value once per field (shared/indicators/
    // extract-record.ts), and an indicator row is one type and value, so the writer checks no repeats itself.
    for (const mention of input.mentions ?? extractIndicators(input.record)) {
      const indicator = indicatorFor(mention);
      resolved.mentions.push({ indicatorId: indicator.id, field: mention.field, raw: mention.raw, value: mention.value, benign: indicator.benign });
      if (indicator.benign) continue;
      resolved.linking.add(indicator.id);
      if (indicator.created) resolved.created.add(indicator.id);
    }
    return resolved;
  }

  let mentionsAdded: ReturnType<typeof prepareMentionsAdded> | null = null;

  /**
   * Writes a report's mentions. Only a new report's are left to its deferral's settling (applyNew); the others are
   * announced for the overview's kept counts, which no trigger on `mentions` keeps for inserts (migration 0033).
   */
  function writeMentions(reportId: number, mentions: readonly NewMention[], counted: 'by the settling' | 'announced'): void {
    if (mentions.length === 0) return;
    const last = insertMentions(reportId, mentions);
    if (counted === 'announced') (mentionsAdded ??= prepareMentionsAdded(sqlite)).run(reportId, last - mentions.length + 1, last);
  }

  const mentionKey = (mention: { indicatorId: number; field: string; raw: string; benign: boolean | number }) =>
    `${mention.indicatorId}\u0000${mention.field}\u0000${mention.raw}\u0000${mention.benign ? 1 : 0}`;

  /**
   * A new revision's mentions in place of the stored ones: those it repeats (most, as a rule) stay as they are, the
   * others are deleted and the new ones written. Deleting all and writing all again cost every index and trigger
   * twice and left each old row's bytes empty in the table's pages. The new ones are written first: an indicator (or
   * shape) the report names in another field or words then never leaves the overview's kept counts to come back —
   * their triggers count one only when the report's first mention of it comes or its last goes (migrations 0026, 0033).
   */
  function replaceMentions(reportId: number, stored: readonly StoredMention[], mentions: readonly NewMention[]): void {
    const wanted = new Set(mentions.map(mentionKey));
    const kept = new Set<string>();
    const replaced: number[] = [];
    for (const row of stored) {
      const key = mentionKey(row);
      if (wanted.has(key) && !kept.has(key)) kept.add(key);
      else replaced.push(row.rowid);
    }
    writeMentions(reportId, kept.size === 0 ? mentions : mentions.filter((mention) => !kept.has(mentionKey(mention))), 'announced');
    for (const rowid of replaced) deleteMention.run(rowid);
  }

  /** Once a report is withdrawn at revision N, no stored revision up to N keeps personal data. */
  function redactRevisionsUpTo(reportId: number, revision: number): ReportWords {
    const records: IntakeRecord[] = [];
    for (const row of revisionsUpTo.all(reportId, revision)) {
      const text = revisionText(row);
      const record = JSON.parse(text) as IntakeRecord;
      records.push(record);
      const redacted = redactRecord(record);
      if (redacted !== text || row.packed !== null) replaceRevisionRaw.run(redacted, reportId, row.revision);
    }
    return reportWords(records);
  }

  /**
   * The report's row is about to hold `narrative`: its cut revisions stay as they are while they read back the same
   * with it — they take back the start of the row's narrative, which a revision that adds to it (most do) keeps.
   * The others take back their narrative now, each as a new row: grown in place it would split its full page and the
   * neighbours' (some 1 KB left empty per revised report, measured with dbstat); moved, it leaves its old bytes free
   * (zeroed: secure_delete).
   */
  function keepRevisionsReadable(reportId: number, narrative: string | null): void {
    for (const cut of cutRevisions.all(reportId)) {
      if (readsBackAfter(cut, cut.reportNarrative, narrative)) continue;
      const { packed } = packRevision(revisionText(cut));
      deleteRevision.run(reportId, cut.revision);
      insertRevision.run(reportId, cut.revision, cut.status, cut.receivedAt, '', packed, null);
    }
  }

  /** Stores a revision; `current` when it is the report's current one now (its row holds its narrative). */
  function recordRevision(reportId: number, input: ReportInput, row: RecordRow, at: string, isNew: boolean, current: boolean): void {
    const withdrawnBefore = isNew ? 0 : (highestWithdrawal.get(reportId) ?? 0);
    const withdrawnRevision = withdrawnUpTo(withdrawnBefore, row);
    // A filed revision above every withdrawal is stored as received: only to redact one is its record read again.
    const text = row.status === 'filed' && row.revision > withdrawnRevision ? input.raw : storedRevisionText(input.record, input.raw, withdrawnRevision);
    const { receivedAt } = row;
    // Redacted: short, and rewritten no more, so as text. As received: packed (on the prepare worker, as a rule).
    if (text !== input.raw) {
      insertRevision.run(reportId, row.revision, row.status, receivedAt, text, null, null);
    } else {
      const prepared = input.packed;
      let packing: PackedRevision;
      if (current) packing = prepared ?? packRevision(text, row.narrative);
      else packing = prepared && prepared.narrativeAt === null ? prepared : packRevision(text);
      insertRevision.run(reportId, row.revision, row.status, receivedAt, '', packing.packed, packing.narrativeAt);
    }
    if (row.status === 'withdrawn') {
      // Officers' notes on it and what the texts of its cases and requests quote of it go too; the requests
      // keep listing it (withdrawn).
      const words = redactRevisionsUpTo(reportId, row.revision);
      redactReportNotes(sqlite, row.reportId, WITHDRAWN_NOTE);
      redactQuotingNotes(sqlite, row.reportId, words, WITHDRAWN_QUOTE);
      // A colleague's text for them that arrives later may quote it too: remembered as a purge's holders are, so the
      // feed applier redacts it and this store's own is refused within the window (shared/retention/late-quotes.ts).
      // The report itself too: this store's own late note on it is refused as the hub refuses it (mutations/record-mutation.ts).
      (removalHolders ??= createRemovalHolders(sqlite)).remember([...redactHolderTexts(sqlite, row.reportId, words, WITHDRAWN_QUOTE), `report:${row.reportId}`], at.slice(0, 10), 'withdrawn');
      redactRequestQuotes(sqlite, row.reportId, words, WITHDRAWN_QUOTE, false);
      // In this transaction: a crash before settleRedactions() must not forget that the WAL holds the removed text.
      oweWalTruncation(sqlite);
      intake.note(at, { kind: 'withdrawn', reportId: row.reportId, revision: row.revision });
    }
  }

  function applyNew(input: ReportInput, row: RecordRow, at: string): ApplyOutcome {
    const { mentions, linking, created } = resolveMentions(input, row);
    // No other report holds an indicator created just now: only the rest can link it. Its cluster is known before
    // its row is written, so the row is written once.
    const shared = [...linking].filter((indicatorId) => !created.has(indicatorId));
    const cluster = shared.length > 0 ? clusters.joinUnwritten(shared, created) : null;
    const id = insertCounted(row, at, cluster, mentions);
    textIndex.update(id, row, true);
    recordRevision(id, input, row, at, true, true);
    if (row.status === 'filed') {
      intake.note(at, { kind: 'received', reportId: row.reportId, revision: row.revision });
    }
    return 'imported';
  }

  /**
   * A new report's row and mentions, counted for the overview by a deferral's settling (no trigger counts inserts,
   * migration 0033): its batch's, one held already (an import's, in another process), or its own when it comes alone
   * (sync), settled at once.
   */
  function insertCounted(row: RecordRow, at: string, cluster: number | null, mentions: readonly NewMention[]): number {
    const insert = () => {
      const id = Number(insertReport.run(row.reportId, ...rowValues(row, row.receivedAt, at), cluster).lastInsertRowid);
      writeMentions(id, mentions, 'by the settling');
      return id;
    };
    if (batching) return insert();
    const deferredHere = deferKeptCounts.run().changes === 1;
    try {
      return insert();
    } finally {
      if (deferredHere) settleKeptCounts.run();
    }
  }

  function applyNewerRevision(existing: ExistingReport, input: ReportInput, row: RecordRow, at: string): ApplyOutcome {
    const { receivedAt } = row;
    const firstReceivedAt = receivedAt < existing.first_received_at ? receivedAt : existing.first_received_at;
    const stored = storedMentions.all(existing.id);
    const before = new Set(stored.filter((mention) => mention.benign === 0).map((mention) => mention.indicatorId));
    keepRevisionsReadable(existing.id, row.narrative);
    textIndex.update(existing.id, row, false);
    updateReport.run(...rowValues(row, firstReceivedAt, at), existing.id);
    recordRevision(existing.id, input, row, at, false, true);
    const { mentions, linking: after } = resolveMentions(input, row);
    replaceMentions(existing.id, stored, mentions);
    const lost = [...before].filter((indicatorId) => !after.has(indicatorId));
    if (row.status === 'withdrawn' || after.size === 0) clusters.detach(existing.id, before);
    else if (lost.length > 0) clusters.unlinked(existing.id, lost);
    if (after.size > 0) clusters.link(existing.id, after);
    if (row.status === 'filed') {
      intake.note(at, { kind: 'revised', reportId: row.reportId, revision: row.revision, previous: existing.revision });
    }
    return 'updated';
  }

  /** A revision older than (or equal to) the current one, new to the history: it never replaces the current one. */
  function applyOlderRevision(existing: ExistingReport, input: ReportInput, row: RecordRow, at: string): void {
    recordRevision(existing.id, input, row, at, false, false);
    if (row.receivedAt < existing.first_received_at) lowerFirstReceived.run(row.receivedAt, existing.id);
  }

  function apply(input: ReportInput): ApplyOutcome {
    if (batching) return applyOne(input);
    followBenignList();
    // The clusters remembered for indicators follow batches only (the caller's transaction may still roll back).
    clusters.forget();
    try {
      const outcome = applyOne(input);
      intake.flush();
      return outcome;
    } finally {
      intake.discard();
    }
  }

  function applyOne(input: ReportInput): ApplyOutcome {
    const at = deps.clock.now().toISOString();
    const row = input.row ?? recordRow(input.record);
    const existing = mayBeStored === null || mayBeStored.has(row.reportId) ? findReport.get(row.reportId) : undefined;
    mayBeStored?.add(row.reportId);
    const decision = decideRevision(
      existing ? { revision: existing.revision, hasRevision: (revision) => hasRevision.get(existing.id, revision) !== undefined } : null,
      row.revision,
    );
    if (!existing) return (purgedInBatch ?? tombstones.purgedTest())(row.reportId) ? 'purged' : applyNew(input, row, at);
    if (decision.becomesCurrent) return applyNewerRevision(existing, input, row, at);
    if (decision.storesRevision) applyOlderRevision(existing, input, row, at);
    return decision.outcome;
  }

  /**
   * Runs `work`, which applies records through `apply`, as one batch inside the running transaction: the text index
   * written at its end in id order (one segment), the reports it adds left to a deferral's settling, what it
   * received logged at its end as one audit entry (audit/intake-entries.ts), the audit chain's head read once,
   * indicator rows remembered. `settle`: 'at its end' counts them for the overview when the batch made the deferral
   * (a feed slice); 'with the import' keeps the deferral for the next batches, so that revisions of the import's own
   * reports pass the triggers too, until the import settles it (settleKeptCounts). When it throws, what it noted is
   * forgotten; the transaction must then roll back. `textIndexed` 'at the commit': the batch is one of an import's held
   * transaction, whose text index is written just before it commits (endHeld), for all its batches at once.
   */
  function batchScope<T>(
    work: () => T,
    settle: 'at its end' | 'with the import',
    textIndexed: 'at its end' | 'at the commit' = 'at its end',
    inputs: readonly ReportInput[] | null = null,
  ): T {
    followBenignList();
    batching = true;
    if (textIndexed === 'at its end') textIndex.defer();
    purgedInBatch = tombstones.purgedTest();
    try {
      mayBeStored = inputs && storedOf(inputs);
      // Only an import's batch runs alone in its transaction: a feed slice's caller may touch clusters between records.
      if (inputs) clusters.holdSizes();
      const deferredHere = deferKeptCounts.run().changes === 1;
      const result = audit.withHeadKept(() => {
        const applied = work();
        intake.flush();
        return applied;
      });
      clusters.writeSizes();
      if (deferredHere && settle === 'at its end') settleKeptCounts.run();
      if (textIndexed === 'at its end') textIndex.flush();
      return result;
    } catch (error) {
      clusters.dropSizes();
      forgetIndicators();
      textIndex.discard();
      intake.discard();
      throw error;
    } finally {
      batching = false;
      purgedInBatch = null;
      mayBeStored = null;
    }
  }

  /** An import's batch in a transaction of its own. */
  const applyInTransaction = writeTransaction(sqlite, (inputs: readonly ReportInput[]) => batchScope(() => inputs.map(apply), 'with the import', 'at its end', inputs));

  /**
   * After a withdrawal's transaction committed: the WAL is emptied into the store (whose secure_delete zeroed the
   * redacted text), so the victim's data survives in neither file — also a withdrawal whose process died before it got
   * here (owed-wal-truncation.ts). Outside a transaction; one read of store_meta when nothing was redacted.
   */
  function settleRedactions(): void {
    settleOwedWalTruncation(sqlite);
  }

  /**
   * Set when a batch's settle failed, until a settle succeeds: another connection keeps the WAL busy, and waiting
   * checkpointTruncate's patience after every batch would stall the import (seconds per batch).
   */
  let walKeptBusy = false;
  const logger = deps.logger ?? silentLogger;

  /**
   * A batch's settle comes after its commit: when the WAL cannot be emptied now (another connection keeps it busy),
   * the batch is still written and answered as such. The failure is logged by its kind; the debt stays in the store
   * (owed-wal-truncation.ts). Later batches try once without waiting; settleAfterImport waits once more at the end.
   */
  function settleAfterBatch(): void {
    try {
      settleOwedWalTruncation(sqlite, walKeptBusy ? 0 : undefined);
      walKeptBusy = false;
    } catch (error) {
      if (!walKeptBusy) logger.error('import.wal_not_emptied', { error: errorKind(error) });
      walKeptBusy = true;
    }
  }

  /**
   * The import's transaction applyBatch keeps open for its next batches (keepOpen): a commit writes every page its batches touched once (index pages, the text index's segments), so two batches a
   * commit write far fewer pages per record than one; memory holds only the batches in flight, as before.
   */
  let held: ReturnType<typeof openWriteTransaction> | null = null;

  /**
   * The held transaction's text index is written once, just before it commits: a report its batches add and revise
   * is indexed once (20k records: 379 deletes instead of 742 with a batch's deferral), and a revision's secure-delete
   * steps through every segment for each of the report's words — 10 % of the writer's CPU at 20k before.
   */
  function openHeld(): NonNullable<typeof held> {
    const transaction = openWriteTransaction(sqlite);
    textIndex.defer();
    return transaction;
  }

  /**
   * A batch in the held transaction, not a savepoint of it: SQLite then spent more than half the writer's time in
   * sqlite3BtreeSavepoint (20k records: 16 s instead of 4). A batch that fails rolls the whole transaction back.
   */
  function applyInHeld(transaction: NonNullable<typeof held>, inputs: readonly ReportInput[]): ApplyOutcome[] {
    try {
      return batchScope(() => inputs.map(apply), 'with the import', 'at the commit', inputs);
    } catch (error) {
      held = null;
      transaction.end(false);
      throw error;
    }
  }

  /** Commits the batches applied since the last commit (a batch alone: its own transaction committed already). */
  function endHeld(): void {
    const ending = held;
    held = null;
    if (ending) {
      try {
        // A text index that failed to be written rolls the transaction back (flush forgets what it was to write).
        let indexed = false;
        try {
          textIndex.flush();
          indexed = true;
        } finally {
          ending.end(indexed);
        }
      } catch (error) {
        forgetIndicators();
        markAfterLastBatch = null;
        throw error;
      }
      markAfterLastBatch = storeMark();
    }
    betweenBatches(settleAfterBatch);
  }

  return {
    /** Applies one record; the caller owns the transaction (e.g. sync, which saves its cursor in the same one) and calls settleRedactions() after it. */
    apply,
    settleRedactions,
    /**
     * Every so many records of an import, after its last batch, or when it stopped: counts the reports its batches
     * added for the overview, in one go, outside a transaction. A failure (another process holds the writer's lock
     * past busy_timeout) is logged and returned, never thrown: the deferral stays held, and the next overview read,
     * settle or the store's next opening counts those reports (settling is always safe).
     */
    settleKeptCounts(): Error | null {
      try {
        betweenBatches(() => settleKeptCountsDeferral(sqlite));
        return null;
      } catch (error) {
        logger.error('import.kept_counts_unsettled', { error: errorKind(error) });
        return error instanceof Error ? error : new Error(String(error));
      }
    },
    /** The reports a held deferral leaves to be counted (report ids above its mark); 0 when none is held. */
    keptCountsOwed(): number {
      const mark = keptCountsMark.get();
      return mark === undefined ? 0 : newestReport.get()! - mark;
    },
    /**
     * While an import waits for its next prepared batch: counts for the overview the next `slice` report ids its
     * deferral holds, oldest first, never the newest `kept` (revisions of reports still deferred touch no kept row).
     * Only in the transaction held open for the import's batches, so the counts commit (or roll back) with them and
     * take no commit of their own. Returns whether it counted any.
     */
    countDeferredSlice(slice: number, kept: number): boolean {
      if (!held) return false;
      const mark = keptCountsMark.get();
      if (mark === undefined) return false;
      const upTo = Math.min(mark + slice, newestReport.get()! - kept);
      if (upTo <= mark) return false;
      betweenBatches(() => raiseKeptCountsMark.run({ mark: upTo }));
      return true;
    },
    /**
     * After an import's last batch: empties what a batch's settle could not, waiting for the WAL this time. Returns
     * the failure when the removed text stays in the WAL (the debt stays for the retention run's end or the next start).
     */
    settleAfterImport(): Error | null {
      if (!walKeptBusy) return null;
      try {
        settleRedactions();
        walKeptBusy = false;
        return null;
      } catch (error) {
        logger.error('import.wal_not_emptied', { error: errorKind(error) });
        return error instanceof Error ? error : new Error(String(error));
      }
    },
    /**
     * Applies whole records in one transaction: a crash leaves none or all of them; once committed, they are answered.
     * `keepOpen`: the transaction stays open for the next batches, until a batch without it or commitHeld commits them
     * all (a batch that fails in it rolls back the batches before it too); settle the kept counts only after that.
     * The reports of an import's batches are counted for the overview once, by settleKeptCounts after its last.
     */
    applyBatch(inputs: readonly ReportInput[], keepOpen = false): ApplyOutcome[] {
      followStoreMark();
      if (keepOpen) held ??= openHeld();
      const outcomes = held ? applyInHeld(held, inputs) : applyInTransaction(inputs);
      markAfterLastBatch = storeMark();
      if (!keepOpen) endHeld();
      return outcomes;
    },
    /** Commits the transaction applyBatch kept open, if any (an import that stops: what it applied is written). */
    commitHeld(): void {
      if (held) endHeld();
    },
    /**
     * Runs `work`, applying records with `apply`, as one batch (as applyBatch does) inside the caller's transaction
     * (a feed slice, whose entries and cursor commit together); the caller calls settleRedactions() after its commit.
     * The caller's own audit entries meanwhile chain with the writer's (the head is kept per connection). The caller
     * calls transactionEnded once its transaction committed or rolled back: the indicator rows of a batch are
     * remembered for the next only after a commit.
     */
    inBatch<T>(work: () => T): T {
      if (!sqlite.inTransaction) throw new Error('inBatch needs the transaction its records are written in');
      followStoreMark();
      batchUncommitted = true;
      return batchScope(work, 'at its end');
    },
    /**
     * The caller's transaction around inBatch ended. Committed: the indicator rows its batches wrote and found are
     * remembered for the next batch, as long as nothing else writes the store meanwhile. Rolled back: forgotten
     * (a row inserted in it is gone). Without this call nothing is remembered from one transaction to the next.
     */
    transactionEnded(committed: boolean): void {
      if (sqlite.inTransaction) throw new Error('transactionEnded is called after the transaction, not inside it');
      if (committed && batchUncommitted) markAfterLastBatch = storeMark();
      else forgetIndicators();
      batchUncommitted = false;
    },
  };
}

export type ReportWriter = ReturnType<typeof createReportWriter>;
