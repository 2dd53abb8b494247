/**
 * A withdrawn report's traces in officers' work on the hub, redacted as on the workstation
 * (src-main/ingest/report-writer.ts): the notes on it become WITHDRAWN_NOTE; what the texts of its cases and requests
 * (notes, titles, close reasons, a request's text and legal basis, steps' reasons and references:
 * shared/retention/late-quotes.ts) quote of it (its reporter's data, its sentences) becomes WITHDRAWN_QUOTE, in every
 * case that ever listed it and the requests made on one (../retention/quoting-holders.ts). The stored mutations are
 * rewritten in the intake's transaction, so a workstation syncing from the start never receives the quotes.
 *
 * A text that arrives later, from a colleague's workstation that had not yet pulled the withdrawal, may quote the
 * report too: its cases and requests are remembered with the day of the withdrawal as a purge's are, so that such a
 * text is refused (mutations/authority/purged-reports.ts) and workstations redact it from the feed. The holders are
 * locked as a purge locks them, so a push of a text for one either is redacted here or is judged after this.
 */
import { sql } from 'drizzle-orm';
import { QUOTING_KINDS, withRedactedTexts } from '../../shared/retention/late-quotes';
import { redactReportWords, WITHDRAWN_NOTE, WITHDRAWN_QUOTE, type ReportWords } from '../../shared/retention/report-words';
import { queryRows, textArray, type HubDb } from '../db/database';
import { lockSubjects } from '../db/locks';
import { quotableReports } from '../retention/quoting-holders';
import { rememberHolders } from '../retention/tombstones';
import { reportSubject } from '../mutations/reach/subjects';
import { rewriteMutationPayloads } from '../mutations/rewrite';

interface QuotingPayload {
  subjectType?: string;
  subjectId?: string;
  actionId?: string;
  caseId?: string;
  [text: string]: unknown;
}

/** The report, case or request a text is about. */
function subjectOf(kind: string, payload: QuotingPayload): string {
  if (kind === 'note.add') return `${payload.subjectType}:${payload.subjectId}`;
  return typeof payload.actionId === 'string' ? `action:${payload.actionId}` : `case:${payload.caseId}`;
}

/** `words`: each newly withdrawn report's words, read before its revisions were redacted; `withdrawnOn`: today (YYYY-MM-DD). */
export async function redactWithdrawnTraces(tx: HubDb, words: ReadonlyMap<string, ReportWords>, withdrawnOn: string): Promise<void> {
  if (words.size === 0) return;
  const reportIds = [...words.keys()];
  // Every case and request that may quote them: a case they were taken out of, a request made on such a case.
  const quotable = new Map([...(await quotableReports(tx, reportIds))].map(([subject, quoted]) => [subject, quoted.map((reportId) => words.get(reportId)!)]));
  await lockSubjects(tx, [...quotable.keys()]);
  await rememberHolders(tx, [...quotable.keys()], withdrawnOn);
  const rows = await queryRows<{ id: string; kind: string; payload: unknown }>(
    tx,
    sql`SELECT DISTINCT m.id::text AS id, m.kind, m.payload FROM mutation_subjects s JOIN mutations m ON m.id = s.mutation_id
        WHERE s.subject = ANY(${textArray([...reportIds.map(reportSubject), ...quotable.keys()])}) AND m.kind = ANY(${textArray(QUOTING_KINDS)})`,
  );
  const rewrites: Array<{ id: string; payload: QuotingPayload }> = [];
  for (const row of rows) {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as QuotingPayload;
    const quoted = quotable.get(subjectOf(row.kind, payload)) ?? [];
    const next = withRedactedTexts(row.kind, payload, (text) =>
      row.kind === 'note.add' && payload.subjectType === 'report' ? WITHDRAWN_NOTE : quoted.reduce((redacted, reportWords) => redactReportWords(redacted, reportWords, WITHDRAWN_QUOTE), text),
    );
    if (JSON.stringify(next) !== JSON.stringify(payload)) rewrites.push({ id: row.id, payload: next });
  }
  await rewriteMutationPayloads(tx, rewrites);
}
