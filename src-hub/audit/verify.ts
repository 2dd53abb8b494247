/**
 * `hub audit verify`: walks every workstation's chain the hub holds, in order, and names the first entry that breaks
 * it — edited, removed, inserted or reordered (with the append-only trigger dropped) — or a chain cut short against
 * its head (`audit_chain_heads`, kept by trigger).
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { HubDb } from '../db/database';
import { auditChainHeads, auditEntries } from '../db/schema';
import { chainBreak } from './chain-hash';

export type HubChainVerdict = { workstation: string; entries: number; ok: true } | { workstation: string; entries: number; ok: false; firstBad: number; reason: string };

const PAGE = 10_000;

async function verifyOne(db: HubDb, workstation: string, head: { seq: number; entryHash: string } | undefined): Promise<HubChainVerdict> {
  let entries = 0;
  let previous: { seq: number; hash: string | null } = { seq: 0, hash: null };
  let bad: { firstBad: number; reason: string } | null = null;
  for (;;) {
    const page = await db
      .select({ seq: auditEntries.seq, at: auditEntries.at, actor: auditEntries.actor, action: auditEntries.action, subjectType: auditEntries.subjectType, subjectId: auditEntries.subjectId, details: auditEntries.details, hash: auditEntries.entryHash })
      .from(auditEntries)
      .where(and(eq(auditEntries.workstationId, workstation), gt(auditEntries.seq, previous.seq)))
      .orderBy(asc(auditEntries.seq))
      .limit(PAGE);
    for (const entry of page) {
      entries += 1;
      if (bad !== null) continue;
      const reason = chainBreak(previous, entry);
      if (reason !== null) bad = { firstBad: entry.seq, reason };
      previous = entry;
    }
    if (page.length < PAGE) break;
  }
  if (bad !== null) return { workstation, entries, ok: false, ...bad };
  if (head !== undefined && head.seq > previous.seq) return { workstation, entries, ok: false, firstBad: previous.seq + 1, reason: `the chain was cut short: it ends at entry ${previous.seq}, but entry ${head.seq} was accepted` };
  if (head !== undefined && head.seq < previous.seq) return { workstation, entries, ok: false, firstBad: head.seq + 1, reason: `entries after ${head.seq} were added outside the hub's acceptance` };
  if (head !== undefined && head.seq === previous.seq && head.entryHash !== previous.hash) return { workstation, entries, ok: false, firstBad: previous.seq, reason: 'the last entry is not the one that was accepted' };
  if (head === undefined && entries > 0) return { workstation, entries, ok: false, firstBad: 1, reason: 'the chain has no head: its entries were not accepted through the hub' };
  return { workstation, entries, ok: true };
}

/** One verdict per workstation whose chain the hub holds (or held), in workstation order. */
export async function* verifyHubChains(db: HubDb): AsyncGenerator<HubChainVerdict> {
  const heads = new Map((await db.select().from(auditChainHeads)).map((head) => [head.workstationId, head]));
  const withEntries = await db.selectDistinct({ workstationId: auditEntries.workstationId }).from(auditEntries);
  const workstations = [...new Set([...heads.keys(), ...withEntries.map((row) => row.workstationId)])].sort();
  for (const workstation of workstations) yield await verifyOne(db, workstation, heads.get(workstation));
}
