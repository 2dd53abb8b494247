/**
 * The intake's audit entries as the workstation and the hub both read them: ONE entry per batch the store received
 * from intake, `reports.received`, listing its reports by outcome — `received` ([id, revision]), `revised`
 * ([id, revision, previous]), `withdrawn` ([id, revision]). Older stores hold them one a report (`report.received`,
 * `report.revised`, `report.withdrawn`, details `{revision, previous}`), never rewritten; `intakeEntryAbout` narrows a
 * batch entry to one report in that older form, so one report's history reads both alike. The workstation writes them
 * in src-main/audit/intake-entries.ts.
 */

import { AUDIT_DETAILS_MAX_CHARS } from '../hub/protocol';

export const INTAKE_ACTION = 'reports.received';
/** Not a region-free subject on the hub: a batch entry names reports of every region (src-hub/audit/questions.ts). */
export const INTAKE_SUBJECT = { subjectType: 'reports', subjectId: 'intake' } as const;
/** ~24 characters each in the details' JSON: some 12,000 characters an entry. */
export const INTAKE_ENTRY_MAX_REPORTS = 500;
/**
 * The longest an entry's serialized details may grow: the hub's limit less a margin. Revisions are any safe integer
 * (shared/intake/schema.ts), so 500 reports can pass the hub's limit: the size closes an entry too, not only the count.
 */
export const INTAKE_ENTRY_MAX_DETAILS_CHARS = AUDIT_DETAILS_MAX_CHARS - 1_000;

type Received = [reportId: string, revision: number];
type Revised = [reportId: string, revision: number, previous: number];

export type IntakeDetails = {
  received?: Received[];
  revised?: Revised[];
  withdrawn?: Received[];
};

export type IntakeEvent = { kind: 'received' | 'withdrawn'; reportId: string; revision: number } | { kind: 'revised'; reportId: string; revision: number; previous: number };

export const isBatchEntry = (entry: { action: string; subjectType: string; subjectId: string }) =>
  entry.action === INTAKE_ACTION && entry.subjectType === INTAKE_SUBJECT.subjectType && entry.subjectId === INTAKE_SUBJECT.subjectId;

const listOf = (value: unknown): unknown[][] => (Array.isArray(value) ? value.filter((item): item is unknown[] => Array.isArray(item)) : []);

const OUTCOMES = ['received', 'revised', 'withdrawn'] as const;

/** The ids a batch entry's details list, each once, whatever the outcome (read as the hub stores it: any JSON). */
export function intakeReportIds(details: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const outcome of OUTCOMES) for (const [id] of listOf(details[outcome])) if (typeof id === 'string') ids.add(id);
  return [...ids];
}

/**
 * A batch entry's details with only the reports `keep` says, each as the format writes it (id and revisions): empty
 * lists left out (as the workstation writes them), anything else the details hold dropped. The hub answers a regional
 * supervisor so: their regions' reports of the batch, no other region's id.
 */
export function narrowIntakeDetails(details: Record<string, unknown>, keep: (reportId: string) => boolean): IntakeDetails {
  const kept = (id: unknown): id is string => typeof id === 'string' && keep(id);
  const isRevision = (value: unknown): value is number => typeof value === 'number';
  const narrowed: IntakeDetails = {};
  const received = listOf(details.received).flatMap(([id, revision]): Received[] => (kept(id) && isRevision(revision) ? [[id, revision]] : []));
  const revised = listOf(details.revised).flatMap(([id, revision, previous]): Revised[] => (kept(id) && isRevision(revision) && isRevision(previous) ? [[id, revision, previous]] : []));
  const withdrawn = listOf(details.withdrawn).flatMap(([id, revision]): Received[] => (kept(id) && isRevision(revision) ? [[id, revision]] : []));
  if (received.length > 0) narrowed.received = received;
  if (revised.length > 0) narrowed.revised = revised;
  if (withdrawn.length > 0) narrowed.withdrawn = withdrawn;
  return narrowed;
}

/**
 * One report's view of an entry: a batch entry becomes that report's per-report entries (`report.received`,
 * `report.revised`, `report.withdrawn` with `{revision, previous}` as they were written one a report), in revision
 * order; any other entry is itself. The other reports of the batch are not shown: the view is about this report.
 */
export function intakeEntryAbout<T extends { action: string; subjectType: string; subjectId: string; details: Record<string, unknown> | null }>(entry: T, reportId: string): T[] {
  if (!isBatchEntry(entry) || entry.details === null) return [entry];
  const views: Array<{ revision: number; view: T }> = [];
  const add = (kind: 'received' | 'revised' | 'withdrawn', revision: unknown, details: Record<string, unknown>) => {
    if (typeof revision !== 'number') return;
    views.push({ revision, view: { ...entry, action: `report.${kind}`, subjectType: 'report', subjectId: reportId, details } });
  };
  for (const [id, revision] of listOf(entry.details.received)) if (id === reportId) add('received', revision, { revision });
  for (const [id, revision, previous] of listOf(entry.details.revised)) if (id === reportId) add('revised', revision, { revision, previous });
  for (const [id, revision] of listOf(entry.details.withdrawn)) if (id === reportId) add('withdrawn', revision, { revision });
  return views.sort((a, b) => a.revision - b.revision).map(({ view }) => view);
}
