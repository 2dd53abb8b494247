import type Database from 'better-sqlite3';
import type { Actor } from './actor';
import { createAuditAppender } from './audit-log';
import { writeTransaction } from '../db/write-transaction';

/** A look at personal data, logged with why (the purpose is checked by the caller, `shared/audit/purpose.ts`). */
export interface Consultation {
  actor: Actor;
  /** e.g. `report.viewed`, `search.ran`, `cli.related`. */
  action: string;
  subjectType: string;
  subjectId: string;
  purpose: string;
  /** Ids, counts, the query typed: what was consulted, beside why. */
  details?: Record<string, unknown>;
}

/** Appends the consultation to the chained audit log, in its own transaction unless the caller's is open. */
export function logConsultation(sqlite: Database.Database, at: string, consultation: Consultation): void {
  const { purpose, details, ...entry } = consultation;
  const append = createAuditAppender(sqlite);
  writeTransaction(sqlite, () => append(at, { ...entry, details: { purpose, ...details } }))();
}
