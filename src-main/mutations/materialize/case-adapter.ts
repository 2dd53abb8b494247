import type Database from 'better-sqlite3';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/mutations/kinds';
import { MEMBER_FIELD_PREFIX } from '../register-writes';
import { CREATED_FIELD, type RegisterState } from '../registers';
import { NOTHING, textOrNull, UNKNOWN_AUTHOR, valueOf, type EntityAdapter } from './entity-adapter';

interface CreatedValue {
  title: string;
  owner: string | null;
  team: string | null;
}

interface CaseRow {
  title: string;
  owner: string | null;
  team: string | null;
  status: string;
  close_reason: string | null;
  created_by: string;
  created_at: string;
}

const COLUMN_OF: Record<string, keyof CaseRow> = { title: 'title', owner: 'owner', team: 'team', status: 'status', closeReason: 'close_reason' };

/** The latest time any shown register was written: the case's `updated_at`, the same on every store. */
function latestAt(fields: ReadonlyMap<string, RegisterState>): string | null {
  let latest: string | null = null;
  for (const state of fields.values()) if (state.at !== null && (latest === null || state.at > latest)) latest = state.at;
  return latest;
}

/**
 * A case: its creation (create-once) carries the first title, owner and team; later updates hold their own
 * registers and win over those; each report's membership is a register of its own.
 */
export function createCaseAdapter(sqlite: Database.Database): EntityAdapter {
  const select = sqlite.prepare<[string], CaseRow>('SELECT title, owner, team, status, close_reason, created_by, created_at FROM cases WHERE id = ?');
  const selectMember = sqlite.prepare<[string, string], { added_by: string; added_at: string }>(
    'SELECT added_by, added_at FROM case_reports WHERE case_id = ? AND report_id = ?',
  );
  const upsert = sqlite.prepare(
    `INSERT INTO cases (id, title, owner, team, status, close_reason, created_by, created_at, updated_at)
     VALUES (@id, @title, @owner, @team, @status, @closeReason, @createdBy, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, owner = excluded.owner, team = excluded.team, status = excluded.status,
       close_reason = excluded.close_reason, created_by = excluded.created_by, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  );
  const remove = sqlite.prepare<[string]>('DELETE FROM cases WHERE id = ?');
  const addMember = sqlite.prepare<[string, string, string, string]>(
    `INSERT INTO case_reports (case_id, report_id, added_by, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, report_id) DO UPDATE SET added_by = excluded.added_by, added_at = excluded.added_at`,
  );
  const removeMember = sqlite.prepare<[string, string]>('DELETE FROM case_reports WHERE case_id = ? AND report_id = ?');

  const asStatus = (value: unknown, fallback: string): CaseStatus =>
    (CASE_STATUSES as readonly unknown[]).includes(value) ? (value as CaseStatus) : (fallback as CaseStatus);

  function writeRow(caseId: string, fields: ReadonlyMap<string, RegisterState>, existing: CaseRow | undefined): boolean {
    const created = fields.get(CREATED_FIELD);
    if (created?.value === null) {
      remove.run(caseId);
      return false;
    }
    const initial = created ? (created.value as unknown as CreatedValue) : existing;
    // Updates wait in their registers until the creation arrives.
    if (!initial) return false;
    const pick = <K extends 'title' | 'owner' | 'team'>(field: K): string | null => {
      const value = valueOf(fields, field);
      return value === undefined ? initial[field] : textOrNull(value);
    };
    const closeReason = valueOf(fields, 'closeReason');
    upsert.run({
      id: caseId,
      title: pick('title') ?? initial.title,
      owner: pick('owner'),
      team: pick('team'),
      status: asStatus(valueOf(fields, 'status'), existing?.status ?? 'new'),
      closeReason: closeReason === undefined ? (existing?.close_reason ?? null) : textOrNull(closeReason),
      createdBy: created?.officer ?? existing?.created_by ?? UNKNOWN_AUTHOR,
      createdAt: created?.at ?? existing?.created_at ?? '',
      updatedAt: latestAt(fields) ?? existing?.created_at ?? '',
    });
    return true;
  }

  return {
    read(caseId, field) {
      if (field.startsWith(MEMBER_FIELD_PREFIX)) {
        const member = selectMember.get(caseId, field.slice(MEMBER_FIELD_PREFIX.length));
        return member ? { value: true, officer: member.added_by, at: member.added_at } : { value: false, officer: null, at: null };
      }
      const row = select.get(caseId);
      if (!row) return NOTHING;
      if (field === CREATED_FIELD) return { value: { title: row.title, owner: row.owner, team: row.team }, officer: row.created_by, at: row.created_at };
      const column = COLUMN_OF[field];
      return { value: column === undefined ? null : row[column], officer: null, at: null };
    },
    write(caseId, fields) {
      if (!writeRow(caseId, fields, select.get(caseId))) return;
      for (const [field, state] of fields) {
        if (!field.startsWith(MEMBER_FIELD_PREFIX)) continue;
        const reportId = field.slice(MEMBER_FIELD_PREFIX.length);
        if (state.value === true) addMember.run(caseId, reportId, state.officer ?? UNKNOWN_AUTHOR, state.at ?? '');
        else removeMember.run(caseId, reportId);
      }
    },
  };
}
