/**
 * Later versions of a report: amended revisions (a corrected IBAN, an added indicator, extra
 * text) and withdrawals. Pending ones wait in a bounded min-heap keyed by due time, so the
 * stream's memory does not grow with its length.
 */
import { type IntakeRecord } from '../shared/intake/schema';
import { INTAKE_SCHEMA_VERSION } from '../shared/intake/vocabulary';
import { cloneJson } from './clone';
import type { Rng } from './random';
import type { Amendment } from './scenarios/common';
import type { SuspectField } from './suspect';
import { utcStamp } from './time';

export type FollowUp = 'revise' | 'withdraw';

export interface PendingReport {
  dueMs: number;
  /** Tie-breaker so equal due times pop in a deterministic order. */
  seq: number;
  /** Private copy of the latest version that was emitted. */
  record: IntakeRecord;
  /** What is still to come, in order. */
  events: FollowUp[];
  amendments: Amendment[];
  typo: { wrong: string; right: string } | undefined;
}

function before(a: PendingReport, b: PendingReport): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}

/** A binary min-heap on (dueMs, seq) with a fixed capacity. */
export class PendingQueue {
  private readonly heap: PendingReport[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.heap.length;
  }

  get full(): boolean {
    return this.heap.length >= this.capacity;
  }

  peek(): PendingReport | undefined {
    return this.heap[0];
  }

  push(item: PendingReport): boolean {
    if (this.full) return false;
    const heap = this.heap;
    heap.push(item);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const up = heap[parent] as PendingReport;
      if (!before(item, up)) break;
      heap[index] = up;
      index = parent;
    }
    heap[index] = item;
    return true;
  }

  pop(): PendingReport | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as PendingReport, heap[left] as PendingReport) ? right : left;
      const childItem = heap[child] as PendingReport;
      if (!before(childItem, last)) break;
      heap[index] = childItem;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

const NARRATIVE_LIMIT = 1500;

const GENERIC_AMENDMENTS = [
  'Aanvulling: inmiddels heeft de bank laten weten dat het geld niet meer terug te halen is.',
  'Aanvulling: ik heb nog schermafbeeldingen toegevoegd.',
  'Aanvulling: het tijdstip klopte niet, het was een uur later dan ik eerst schreef.',
  'Aanvulling: na mijn eerste melding ben ik opnieuw benaderd, maar ik heb niet gereageerd.',
  'Aanvulling: de bank heeft een deel van het bedrag kunnen terughalen.',
  'Addition: I found more messages and attached them.',
];

function appendSentence(narrative: string | undefined, sentence: string): string | undefined {
  const base = narrative ?? '';
  if (base.length + 1 + sentence.length <= NARRATIVE_LIMIT) return base ? `${base} ${sentence}` : sentence;
  const short = 'Aanvulling: zie gegevens dader.';
  if (base.length + 1 + short.length <= NARRATIVE_LIMIT) return `${base} ${short}`;
  return narrative;
}

const EMPTY_SUSPECT_FIELDS: readonly SuspectField[] = ['names', 'phoneNumbers', 'emailAddresses', 'websites', 'bankAccounts', 'cryptoAddresses', 'socialMedia', 'other'];

/**
 * The next revision of a report, as a new object (the pending copy is updated too): the
 * typo in the IBAN corrected, or an indicator added, or just an extra sentence.
 */
export function reviseReport(rng: Rng, pending: PendingReport, atMs: number, keepCopy: boolean): IntakeRecord {
  const previous = pending.record;
  const next = cloneJson(previous);
  next.revision = previous.revision + 1;
  next.receivedAt = utcStamp(atMs);
  const incident = next.incident ?? { summary: '' };
  next.incident = incident;

  if (pending.typo && rng.chance(0.85)) {
    const { wrong, right } = pending.typo;
    pending.typo = undefined;
    const accounts = next.suspect?.bankAccounts;
    if (accounts) {
      const at = accounts.indexOf(wrong);
      if (at >= 0) accounts[at] = right;
      else accounts.push(right);
    }
    incident.narrative = appendSentence(incident.narrative, `Correctie: het rekeningnummer moet zijn ${right}, ik had een tikfout gemaakt.`);
  } else if (pending.amendments.length > 0) {
    const amendment = pending.amendments.shift() as Amendment;
    if (!next.suspect) {
      next.suspect = {};
      for (const field of EMPTY_SUSPECT_FIELDS) next.suspect[field] = [];
    }
    const list = next.suspect[amendment.field] ?? [];
    list.push(amendment.value);
    next.suspect[amendment.field] = list;
    incident.narrative = appendSentence(incident.narrative, amendment.sentence);
  } else {
    const sentence = rng.pick(GENERIC_AMENDMENTS);
    incident.narrative = appendSentence(incident.narrative, sentence);
    if (/schermafbeeldingen|attached/.test(sentence)) {
      (next.attachments ??= []).push({
        fileName: `Screenshot_aanvulling_${next.revision}.png`,
        mediaType: 'image/png',
        size: rng.int(60_000, 1_500_000),
        sha256: rng.hex(64),
      });
    }
  }
  // Keep a private copy only if another follow-up will need it.
  if (keepCopy) pending.record = cloneJson(next);
  return next;
}

/** The withdrawal record: id, revision, status and routing fields only — no personal data. */
export function withdrawReport(pending: PendingReport, atMs: number): IntakeRecord {
  const previous = pending.record;
  return {
    schema: INTAKE_SCHEMA_VERSION,
    reportId: previous.reportId,
    revision: previous.revision + 1,
    status: 'withdrawn',
    receivedAt: utcStamp(atMs),
    channel: previous.channel,
    kind: previous.kind,
    category: previous.category,
  };
}
