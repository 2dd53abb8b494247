import { z } from 'zod';
import { REPORT_ID_PATTERN } from '../../shared/intake/vocabulary';
import { AUDIT_ENTRIES_PAGE_MAX } from '../../shared/hub/protocol';

/** Where a page ends: the last entry's place in the newest-first order (time, workstation, place in its chain). */
export interface AuditCursor {
  at: string;
  workstationId: string;
  seq: number;
}

export interface ParsedAuditQuestion {
  report: string | null;
  officer: string | null;
  from: string | null;
  to: string | null;
  asOf: string | null;
  after: AuditCursor | null;
  limit: number;
  workstation: string | null;
}

const DEFAULT_PAGE = 500;
const OFFICER_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@:-]{0,79}$/u;

const cursorSchema = z.tuple([z.string().max(40), z.string().max(100), z.number().int().min(1)]);

export const encodeCursor = (cursor: AuditCursor): string => Buffer.from(JSON.stringify([cursor.at, cursor.workstationId, cursor.seq]), 'utf8').toString('base64url');

function decodeCursor(text: string): AuditCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { at: parsed.data[0], workstationId: parsed.data[1], seq: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

const day = z.iso.date({ error: 'must be a date such as 2026-03-02' });

const questionSchema = z
  .object({
    report: z.string().regex(REPORT_ID_PATTERN, 'must be a report id such as IA-2026-0000123').optional(),
    officer: z.string().regex(OFFICER_PATTERN, 'must be an officer id such as j.devries').optional(),
    from: day.optional(),
    to: day.optional(),
    asOf: z.iso.datetime({ offset: true, error: 'must be the asOf of the first page' }).optional(),
    after: z.string().max(400).optional(),
    workstation: z.uuid({ error: 'must be the workstation id (a UUID)' }).optional(),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(AUDIT_ENTRIES_PAGE_MAX, `must be at most ${AUDIT_ENTRIES_PAGE_MAX}`).optional(),
  })
  .refine((question) => question.report !== undefined || question.officer !== undefined, { message: 'name a report or an officer', path: ['report'] })
  .refine((question) => question.from === undefined || question.to === undefined || question.from <= question.to, { message: 'the period ends before it starts', path: ['to'] });

/** The question of `GET /v1/audit/entries`, or a short reason that never echoes a submitted value. */
export function parseAuditQuestion(query: unknown): { ok: true; question: ParsedAuditQuestion } | { ok: false; reason: string } {
  const parsed = questionSchema.safeParse(query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'malformed'}`.slice(0, 200) };
  }
  const { report, officer, from, to, asOf, after, limit, workstation } = parsed.data;
  const cursor = after === undefined ? null : decodeCursor(after);
  if (after !== undefined && cursor === null) return { ok: false, reason: 'after: must be the next of the page before' };
  if (cursor !== null && asOf === undefined) return { ok: false, reason: 'asOf: the pages after the first are asked with its asOf' };
  return {
    ok: true,
    question: { report: report ?? null, officer: officer ?? null, from: from ?? null, to: to ?? null, asOf: asOf ?? null, after: cursor, limit: limit ?? DEFAULT_PAGE, workstation: workstation ?? null },
  };
}
