/**
 * What the store received from intake — an import's batch, a run of reports in a feed slice, or one report applied
 * alone — is logged as ONE audit entry per batch, `reports.received`, whose details list the batch's reports by
 * outcome: `received` ([id, revision]), `revised` ([id, revision, previous]) and `withdrawn` ([id, revision]). An
 * intake is not a consultation (who SAW what stays one entry per look, ./consultation.ts), and each revision's
 * provenance stays in `report_revisions`; the chain covers the batch entry as it covers any other. One entry a report
 * cost the store ~150 bytes a report and the import a chained insert each.
 *
 * An entry holds at most INTAKE_ENTRY_MAX_REPORTS of them and closes before its details' JSON would pass
 * INTAKE_ENTRY_MAX_DETAILS_CHARS (revisions may be any safe integer), so it stays within what the hub takes from a push
 * (AUDIT_DETAILS_MAX_CHARS, src-hub/audit/parse-push.ts) — an entry the hub refused would be resent for ever, since
 * the chain cannot skip it; a larger batch writes several.
 *
 * Stores written before keep their entries one a report (`report.received`, `report.revised`, `report.withdrawn`):
 * the log is never rewritten. Readers of one report's history read both forms through `intakeEntryAbout`, which
 * narrows a batch entry to that report in the older per-report form (shared/audit/intake-batch.ts).
 */
import { INTAKE_ACTION, INTAKE_ENTRY_MAX_DETAILS_CHARS, INTAKE_ENTRY_MAX_REPORTS, INTAKE_SUBJECT, type IntakeDetails, type IntakeEvent } from '../../shared/audit/intake-batch';
import type { AuditEntry } from './audit-log';
import type { Actor } from './actor';

/** The details of one batch entry: its events grouped by outcome, in the order they came; empty groups left out. */
function detailsOf(events: readonly IntakeEvent[]): IntakeDetails {
  const details: IntakeDetails = {};
  for (const event of events) {
    if (event.kind === 'revised') (details.revised ??= []).push([event.reportId, event.revision, event.previous]);
    else (details[event.kind] ??= []).push([event.reportId, event.revision]);
  }
  return details;
}

/** `{"received":[],"revised":[],"withdrawn":[]}` and the commas between the groups: the details' JSON without events. */
const GROUPS_CHARS = JSON.stringify({ received: [], revised: [], withdrawn: [] }).length;

/** An event's characters in the details' JSON: its tuple and the comma before it (an upper bound). */
const eventChars = (event: IntakeEvent): number =>
  JSON.stringify(event.kind === 'revised' ? [event.reportId, event.revision, event.previous] : [event.reportId, event.revision]).length + 1;

/** The events cut into entries of at most INTAKE_ENTRY_MAX_REPORTS whose details stay within INTAKE_ENTRY_MAX_DETAILS_CHARS. */
function entriesOf(events: readonly IntakeEvent[]): IntakeEvent[][] {
  const entries: IntakeEvent[][] = [];
  let current: IntakeEvent[] = [];
  let chars = GROUPS_CHARS;
  for (const event of events) {
    const size = eventChars(event);
    if (current.length > 0 && (current.length === INTAKE_ENTRY_MAX_REPORTS || chars + size > INTAKE_ENTRY_MAX_DETAILS_CHARS)) {
      entries.push(current);
      current = [];
      chars = GROUPS_CHARS;
    }
    current.push(event);
    chars += size;
  }
  if (current.length > 0) entries.push(current);
  return entries;
}

/**
 * Collects a batch's intake events and writes them as its entries at `flush` — inside the batch's transaction, before
 * it commits, at the time its last report was written; `discard` forgets them when the batch fails (its transaction
 * rolls back).
 */
export function createIntakeLog(append: (at: string, entry: AuditEntry) => void, actor: Actor) {
  let events: IntakeEvent[] = [];
  let lastAt = '';
  return {
    note(at: string, event: IntakeEvent): void {
      events.push(event);
      lastAt = at;
    },
    flush(): void {
      for (const entry of entriesOf(events)) append(lastAt, { actor, action: INTAKE_ACTION, ...INTAKE_SUBJECT, details: detailsOf(entry) });
      events = [];
    },
    discard(): void {
      events = [];
    },
  };
}
