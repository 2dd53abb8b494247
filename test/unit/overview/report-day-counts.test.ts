import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { REPORT_DAY_COUNTS_FROM_REPORTS } from '../../../src-main/overview/report-day-counts';
import { runRetention } from '../../../src-main/retention/retention-run';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { filedRecord, withdrawal } from '../../support/records';
import { runCliCaptured } from '../../support/run-cli';

const CATEGORIES = ['marketplace_fraud', 'phishing', 'bank_helpdesk_fraud'] as const;
const REGIONS = ['Midden-Nederland', 'Amsterdam', undefined] as const;
const OFFICERS = ['s.bakker', 'j.devries', 'e.yilmaz'] as const;
const TEAMS = ['Team Fraude', 'Team Cybercrime'] as const;
const DAY_MS = 86_400_000;
/** Reports received from here on, over about 500 days; the retention run as of 2026-11-01 purges the oldest. */
const FIRST_DAY = Date.parse('2025-06-01T10:00:00Z');

const received = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().replace('.000', '');
const shape = fc.record({
  day: fc.integer({ min: 0, max: 500 }),
  category: fc.constantFrom(...CATEGORIES),
  region: fc.constantFrom(...REGIONS),
  euros: fc.integer({ min: 0, max: 900 }),
});
type Shape = ReturnType<typeof shape.generate>['value'];

const operation = fc.oneof(
  fc.record({ kind: fc.constant('revise' as const), report: fc.nat(), shape }),
  fc.record({ kind: fc.constant('withdraw' as const), report: fc.nat() }),
  fc.record({ kind: fc.constant('assign' as const), report: fc.nat(), officer: fc.option(fc.constantFrom(...OFFICERS), { nil: null }) }),
  fc.record({ kind: fc.constant('status' as const), report: fc.nat(), status: fc.constantFrom('new' as const, 'in_progress' as const, 'closed' as const) }),
  fc.record({ kind: fc.constant('route' as const), report: fc.nat(), team: fc.option(fc.constantFrom(...TEAMS), { nil: null }) }),
  fc.record({ kind: fc.constant('purge' as const) }),
);

function recordOf(base: IntakeRecord, revision: number, { day, category, region, euros }: Shape): IntakeRecord {
  return {
    ...base,
    revision,
    receivedAt: received(day),
    category,
    region,
    payments: euros === 0 ? [] : [{ amount: `${euros}.50`, currency: 'EUR' }],
  };
}

/** The day groups and the open totals without the day (kept from them by their own triggers). */
const kept = (sqlite: Database.Database) => ({
  days: sqlite.prepare('SELECT * FROM report_day_counts ORDER BY 1, 2, 3, 4, 5, 6').raw().all(),
  open: sqlite.prepare('SELECT * FROM open_report_counts ORDER BY 1, 2, 3, 4').raw().all(),
});
const fromScratch = (sqlite: Database.Database) => ({
  days: sqlite.prepare(`${REPORT_DAY_COUNTS_FROM_REPORTS} ORDER BY 1, 2, 3, 4, 5, 6`).raw().all(),
  open: sqlite
    .prepare(
      `SELECT category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), count(*) FROM reports
        WHERE status = 'filed' AND work_status <> 'closed' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .raw()
    .all(),
});

describe('the overview’s per-day report counts', () => {
  it('equal a count from scratch after imports, revisions, withdrawals, assignments, closures, re-routing and purges, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shape, { minLength: 2, maxLength: 8 }), fc.array(operation, { maxLength: 12 }), async (shapes, operations) => {
        const bases = shapes.map((first) => recordOf(filedRecord(), 1, first));
        const api = await openApiHarness({ records: bases });
        const supervisor = api.as(SUPERVISOR);
        const sqlite = api.store.sqlite;
        const revisions = bases.map(() => 1);
        expect(kept(sqlite)).toEqual(fromScratch(sqlite));
        for (const step of operations) {
          if (step.kind === 'purge') runRetention(sqlite, { asOf: '2026-11-01', at: '2026-11-01T12:00:00.000Z', actor: SUPERVISOR });
          else {
            const index = step.report % bases.length;
            const reportIds = [bases[index]!.reportId];
            const exists = sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(reportIds[0]) !== undefined;
            if (step.kind === 'revise' || step.kind === 'withdraw') {
              revisions[index]! += 1;
              const next = step.kind === 'revise' ? recordOf(bases[index]!, revisions[index]!, step.shape) : withdrawal(bases[index]!, revisions[index]!);
              await api.importRecords([next]);
            } else if (exists && step.kind === 'assign') await api.value('report.assign', { reportIds, assignee: step.officer });
            else if (exists && step.kind === 'status') await api.value('report.setWorkStatus', { reportIds, status: step.status });
            else if (exists && step.kind === 'route') await supervisor.value('report.reroute', { reportIds, team: step.team, priority: 'normal', assignee: null, reason: 'Test' });
          }
          expect(kept(sqlite)).toEqual(fromScratch(sqlite));
        }
        expect(kept(sqlite)).toEqual(fromScratch(sqlite));
        expect(kept(sqlite).days.every((row) => (row as number[])[6]! > 0) && kept(sqlite).open.every((row) => (row as number[])[4]! > 0)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('are recounted from the reports by `overview --rebuild` when they were lost or wrong', async () => {
    const api = await openApiHarness({ records: [filedRecord(), filedRecord({ category: 'phishing', receivedAt: '2026-04-02T08:00:00Z' })] });
    const sqlite = api.store.sqlite;
    const before = kept(sqlite);
    expect(before.days).toHaveLength(2);
    expect(before.open).toHaveLength(2);
    sqlite.prepare("UPDATE report_day_counts SET reports = 7 WHERE category = 'phishing'").run();
    sqlite.prepare("UPDATE open_report_counts SET reports = 3 WHERE category = 'marketplace_fraud'").run();
    sqlite.prepare("DELETE FROM report_day_counts WHERE category = 'marketplace_fraud'").run();
    const cli = await runCliCaptured(['overview', '--db', api.path, '--as-of', '2026-04-30', '--rebuild']);
    expect(cli.code).toBe(0);
    expect(kept(sqlite)).toEqual(before);
    expect(cli.lines[0]).toMatchObject({ backlog: { open: 2 } });
  });
});
