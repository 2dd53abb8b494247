/**
 * Retention mends the clusters its purges leave from the indicators the purged reports held (linking/broken-off-parts):
 * whatever the slices, the clusters afterwards are the connected parts of what is left, computed here apart, by a
 * breadth-first search over the mentions — also when a large cluster is cut in two.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { runRetention, runRetentionYielding } from '../../../src-main/retention/retention-run';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const OLD = '2026-01-05T10:00:00Z';
const YOUNG = '2026-09-01T10:00:00Z';
const AS_OF = '2027-06-01';
const RUN = { asOf: AS_OF, at: `${AS_OF}T03:00:00Z`, actor: 'system:retention' } as const;
const HALF = 150;

const phone = (line: number, index: number) => `06-2${line}${String(index).padStart(6, '0')}`;
const holding = (receivedAt: string, phones: string[]) => filedRecord({ receivedAt, suspect: { phoneNumbers: phones } });

/** A chain of young reports, each sharing a phone with the next; `oldAt` are old (purged) links in it. */
function chain(line: number, oldAt: number[] = []): IntakeRecord[] {
  return Array.from({ length: HALF }, (_, index) => holding(oldAt.includes(index) ? OLD : YOUNG, [phone(line, index), phone(line, index + 1)]));
}

/**
 * One cluster of ~330 reports: two chains bridged by one old report (the cut), an old link inside the second chain
 * (a third part), an old report holding a young pair to the first chain (a pair breaks off), one holding a single
 * young report to it (a lone report), and old leaves whose purge splits nothing.
 */
function oneLargeCluster(): IntakeRecord[] {
  return [
    ...chain(1),
    ...chain(2, [100]),
    holding(OLD, [phone(1, HALF), phone(2, 0)]),
    holding(YOUNG, [phone(3, 0)]),
    holding(YOUNG, [phone(3, 0)]),
    holding(OLD, [phone(1, 20), phone(3, 0)]),
    holding(YOUNG, [phone(4, 0)]),
    holding(OLD, [phone(1, 10), phone(4, 0)]),
    ...Array.from({ length: 25 }, (_, index) => holding(OLD, [phone(1, 40 + index)])),
  ];
}

/** Each cluster as its sorted report ids. */
function clusters(sqlite: Database.Database): string[][] {
  const rows = sqlite.prepare<[], [number, string]>('SELECT cluster_id, report_id FROM reports WHERE cluster_id IS NOT NULL').raw().all();
  const byCluster = new Map<number, string[]>();
  for (const [clusterId, reportId] of rows) byCluster.set(clusterId, [...(byCluster.get(clusterId) ?? []), reportId]);
  return [...byCluster.values()].map((members) => members.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The connected parts (two reports or more) of the live reports linked by shared non-benign indicators. */
function connectedParts(sqlite: Database.Database): string[][] {
  const mentions = sqlite.prepare<[], [string, number]>('SELECT r.report_id, m.indicator_id FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.benign = 0').raw().all();
  const indicatorsOf = new Map<string, number[]>();
  const holdersOf = new Map<number, string[]>();
  for (const [reportId, indicatorId] of mentions) {
    indicatorsOf.set(reportId, [...(indicatorsOf.get(reportId) ?? []), indicatorId]);
    holdersOf.set(indicatorId, [...(holdersOf.get(indicatorId) ?? []), reportId]);
  }
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of indicatorsOf.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const part = [start];
    for (let next = 0; next < part.length; next++) {
      for (const indicatorId of indicatorsOf.get(part[next]!)!) {
        for (const holder of holdersOf.get(indicatorId)!) {
          if (!seen.has(holder)) {
            seen.add(holder);
            part.push(holder);
          }
        }
      }
    }
    if (part.length >= 2) parts.push(part.sort());
  }
  return parts.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function sizesRight(sqlite: Database.Database): boolean {
  const wrong = sqlite.prepare('SELECT count(*) FROM clusters c WHERE c.size < 2 OR c.size <> (SELECT count(*) FROM reports r WHERE r.cluster_id = c.id)').pluck().get();
  const orphans = sqlite.prepare('SELECT count(*) FROM reports WHERE cluster_id IS NOT NULL AND cluster_id NOT IN (SELECT id FROM clusters)').pluck().get();
  return wrong === 0 && orphans === 0;
}

async function largeClusterStore() {
  const temp = openTempStore();
  await temp.importRecords(oneLargeCluster());
  const before = clusters(temp.store.sqlite);
  expect(before.map((members) => members.length)).toEqual([2 * HALF + 1 + 3 + 2 + 25]);
  return temp.store.sqlite;
}

describe('retention cutting a large cluster', () => {
  const runs = {
    'a run at once, in slices by time': (sqlite: Database.Database) => runRetention(sqlite, RUN),
    'the daily run, in slices by time': (sqlite: Database.Database) => runRetentionYielding(sqlite, { ...RUN, stopping: () => false }),
    'report by report': (sqlite: Database.Database) => runRetention(sqlite, { ...RUN, sliceSize: 1 }),
    'in slices of 7': (sqlite: Database.Database) => runRetention(sqlite, { ...RUN, sliceSize: 7 }),
  };

  for (const [name, run] of Object.entries(runs)) {
    it(`leaves the connected parts of what is left as its clusters: ${name}`, async () => {
      const sqlite = await largeClusterStore();
      const outcome = await run(sqlite);
      expect(outcome.purged).toBe(1 + 1 + 1 + 1 + 25);

      const after = clusters(sqlite);
      expect(after).toEqual(connectedParts(sqlite));
      // The cut: the first chain, the second up to its old link, the rest of it, and the pair.
      expect(after.map((members) => members.length).sort((a, b) => a - b)).toEqual([2, HALF - 100 - 1, 100, HALF]);
      expect(sizesRight(sqlite)).toBe(true);
    });
  }
});
