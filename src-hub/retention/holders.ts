/**
 * Which cases and requests hold each report, as the hub knows them: cases and requests are officers' mutations here,
 * replayed in feed order (the order every workstation applies them in) into each one's reports, state and last
 * change. The hold rules themselves are shared with the workstation (shared/retention/holds.ts).
 */
import { sql } from 'drizzle-orm';
import { FINAL_REQUEST_STATES } from '../../shared/requests/lifecycle';
import type { CaseStatus, MutationPayloads } from '../../shared/mutations/kinds';
import { upcastMutationInput } from '../../shared/mutations/upcast';
import { addHolder, type Holder, type Holders } from '../../shared/retention/holds';
import { queryRows, textArray, type HubDb } from '../db/database';

const CLOSED: CaseStatus = 'closed';

const HOLDING_KINDS = ['case.create', 'case.update', 'case.addReports', 'case.removeReports', 'action.create', 'action.setReports', 'action.edit', 'action.transition'] as const;
type HoldingKind = (typeof HOLDING_KINDS)[number];

type HoldingMutation = { [K in HoldingKind]: { kind: K; payload: MutationPayloads[K]; at: string } }[HoldingKind];

interface Held {
  reportIds: Set<string>;
  open: boolean;
  endedAt: string;
}

const utc = (at: string) => new Date(at).toISOString();

function later(held: Held, at: string): void {
  if (at > held.endedAt) held.endedAt = at;
}

/** Replays the accepted case and request mutations; returns the holders of each report they list now. */
export async function hubHolders(db: HubDb): Promise<Holders> {
  const rows = await queryRows<{ kind: HoldingKind; payload: unknown; at: string }>(
    db,
    sql`SELECT m.kind, m.payload, m.at FROM mutations m JOIN feed f ON f.mutation_id = m.id AND NOT f.reannounce
        WHERE m.kind = ANY(${textArray(HOLDING_KINDS)}) ORDER BY f.seq`,
  );
  const cases = new Map<string, Held>();
  const requests = new Map<string, Held>();
  const held = (map: Map<string, Held>, id: string, at: string) => {
    let entry = map.get(id);
    if (!entry) map.set(id, (entry = { reportIds: new Set(), open: true, endedAt: at }));
    later(entry, at);
    return entry;
  };
  for (const row of rows) {
    const payload: unknown = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    // Stored as signed, perhaps in version 1's words.
    const mutation = upcastMutationInput({ kind: row.kind, payload, at: utc(row.at) }) as HoldingMutation;
    switch (mutation.kind) {
      case 'case.create':
      case 'case.addReports': {
        const kept = held(cases, mutation.payload.caseId, mutation.at);
        for (const id of mutation.payload.reportIds) kept.reportIds.add(id);
        break;
      }
      case 'case.removeReports': {
        const kept = held(cases, mutation.payload.caseId, mutation.at);
        for (const id of mutation.payload.reportIds) kept.reportIds.delete(id);
        break;
      }
      case 'case.update': {
        const kept = held(cases, mutation.payload.caseId, mutation.at);
        if (mutation.payload.status !== undefined) kept.open = mutation.payload.status !== CLOSED;
        break;
      }
      case 'action.create':
      case 'action.setReports':
        held(requests, mutation.payload.actionId, mutation.at).reportIds = new Set(mutation.payload.reportIds);
        break;
      case 'action.edit':
        held(requests, mutation.payload.actionId, mutation.at);
        break;
      case 'action.transition':
        held(requests, mutation.payload.actionId, mutation.at).open = !FINAL_REQUEST_STATES.includes(mutation.payload.to);
        break;
    }
  }
  return { cases: byReport(cases, 'case'), requests: byReport(requests, 'action') };
}

function byReport(holders: ReadonlyMap<string, Held>, type: 'case' | 'action'): Map<string, Holder[]> {
  const map = new Map<string, Holder[]>();
  for (const [id, { reportIds, open, endedAt }] of holders) for (const reportId of reportIds) addHolder(map, reportId, { open, endedAt, subject: `${type}:${id}` });
  return map;
}
