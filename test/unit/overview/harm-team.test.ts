/**
 * A team's "what to stop first" reads the team's own indicators, not the window's: everyone's kept totals rank
 * indicators that name none of the team's reports, and reading those one by one made a team with few indicators
 * sum every indicator of the window (seconds at 100k). Counted in statements executed and rows handed over.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeHarm, HARM_LIMIT } from '../../../src-main/overview/harm';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { filedRecord } from '../../support/records';
import { AS_OF } from './support';

const TEAM = 'Team Fraude';
const HARM_DAYS = 14;
const OTHERS = 120;

const victim = (phone: string, euros: number, day: number): IntakeRecord =>
  filedRecord({ receivedAt: `2026-11-${day}T10:00:00Z`, payments: [{ amount: `${euros}.00`, currency: 'EUR' }], suspect: { phoneNumbers: [phone] } });
const threeVictims = (phone: string, euros: number) => [15, 16, 17].map((day) => victim(phone, euros, day));

/** Every statement the code prepares while counting, and how often they ran and how many rows they handed over. */
function countExecutions<T>(sqlite: Database.Database, run: () => T): { result: T; executions: number; rows: number } {
  const prepare = sqlite.prepare.bind(sqlite);
  let executions = 0;
  let rows = 0;
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    const { get, all } = { get: statement.get.bind(statement), all: statement.all.bind(statement) };
    statement.get = (...params: unknown[]) => {
      executions += 1;
      const row = get(...params);
      rows += row === undefined ? 0 : 1;
      return row;
    };
    statement.all = (...params: unknown[]) => {
      executions += 1;
      const all_ = all(...params);
      rows += all_.length;
      return all_;
    };
    return statement;
  }) as typeof sqlite.prepare;
  try {
    return { result: run(), executions, rows };
  } finally {
    sqlite.prepare = prepare;
  }
}

describe('what to stop first for a team', () => {
  it('reads as many statements as the team has indicators, however many the window names; no team reads nothing', async () => {
    // 120 indicators of €1,000 victims nobody routed to a team (each outranks the team's in everyone's totals), and
    // three of the team's, three victims each of €300, €200 and €100.
    const teamPhones = ['06-40000001', '06-40000002', '06-40000003'];
    const teamRecords = teamPhones.flatMap((phone, index) => threeVictims(phone, 300 - 100 * index));
    const records = [...Array.from({ length: OTHERS }, (_, index) => threeVictims(`06-5${String(index).padStart(7, '0')}`, 1000)).flat(), ...teamRecords];
    const api = await openApiHarness({ records });
    const sqlite = api.store.sqlite;
    const reportIds = teamRecords.map((record) => record.reportId);
    await api.as(SUPERVISOR).value('report.reroute', { reportIds, team: TEAM, priority: 'normal', assignee: null, reason: 'Test' });
    const lastDigits = (phone: string) => phone.replace(/\D/g, '').slice(-8);

    // The honest twins: everyone's view ranks the 120 others first, the team's view its own three, right.
    const everyone = countExecutions(sqlite, () => computeHarm(sqlite, AS_OF, HARM_DAYS, null));
    expect(everyone.result).toHaveLength(HARM_LIMIT);
    expect(everyone.result.every((entry) => entry.typicalLoss === 100_000)).toBe(true);
    const team = countExecutions(sqlite, () => computeHarm(sqlite, AS_OF, HARM_DAYS, TEAM));
    expect(team.result.map(({ value, victims, loss, typicalLoss, harmPerDay }) => ({ value: lastDigits(value), victims, loss, typicalLoss, harmPerDay }))).toEqual(
      teamPhones.map((value, index) => {
        const typicalLoss = (300 - 100 * index) * 100;
        return { value: lastDigits(value), victims: 3, loss: 3 * typicalLoss, typicalLoss, harmPerDay: Math.round((3 / HARM_DAYS) * typicalLoss) };
      }),
    );
    // Bounded by the team's three indicators (a few statements each), not the window's 123: summing each indicator's
    // window from everyone's totals ran 123 statements or more.
    expect(team.executions).toBeLessThanOrEqual(5 + 5 * teamPhones.length);
    expect(team.rows).toBeLessThanOrEqual(5 + 5 * teamPhones.length + 3 * teamPhones.length);

    // An officer without a team ('') sees nothing, and nothing is read for it.
    const noTeam = countExecutions(sqlite, () => computeHarm(sqlite, AS_OF, HARM_DAYS, ''));
    expect(noTeam).toEqual({ result: [], executions: 0, rows: 0 });
  }, 60_000);
});
