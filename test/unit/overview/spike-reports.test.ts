import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { addDays, endOfDay, startOfDay } from '../../../src-main/overview/days';
import { DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { computeSpikes } from '../../../src-main/overview/spikes';
import { filedRecord, IBANS } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { AS_OF } from './support';

const settings = DEFAULT_OVERVIEW_SETTINGS.spikes;

const payingMule = (receivedAt: string): IntakeRecord =>
  filedRecord({ receivedAt, payments: [{ amount: '750.00', currency: 'EUR', beneficiaryAccount: IBANS.muleB }], suspect: { bankAccounts: [IBANS.muleB] } });

describe('a spike’s reports', () => {
  it('are its newest hundred as SQL orders them (receipt, newest first, then report id), old rows revised into the window included', async () => {
    // 130 victims at 15 moments of the last three days (several at each moment), imported in reverse report id order
    // so that row order and report id order disagree within a moment; three first received in July, revised lately.
    const moments = Array.from({ length: 15 }, (_, index) => `2026-11-${String(18 + (index % 3)).padStart(2, '0')}T${String(8 + index).padStart(2, '0')}:00:00Z`);
    const campaign = Array.from({ length: 130 }, (_, index) => payingMule(moments[index % moments.length]!)).reverse();
    const early = Array.from({ length: 3 }, () => payingMule('2026-07-01T10:00:00Z'));
    const temp = openTempStore();
    await temp.importRecords([...early, ...Array.from({ length: 30 }, () => filedRecord({ receivedAt: '2026-07-02T10:00:00Z' })), ...campaign]);
    await temp.importRecords(early.map((record) => ({ ...record, revision: 2, receivedAt: '2026-11-20T22:30:00Z' })));
    const sqlite = temp.store.sqlite;

    const spikes = computeSpikes(sqlite, AS_OF, settings, null);
    const spike = spikes.find((found) => found.type === 'iban' && found.value === IBANS.muleB);
    expect(spike?.recent).toBe(133);
    const newest = sqlite
      .prepare<Record<string, string>, string>(
        `SELECT r.report_id FROM reports r WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end
            AND r.id IN (SELECT m.report_id FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE i.type = 'iban' AND i.value = @iban)
          ORDER BY r.received_at DESC, r.report_id LIMIT 100`,
      )
      .pluck()
      .all({ from: startOfDay(addDays(AS_OF, -settings.recentDays + 1)), end: endOfDay(AS_OF), iban: IBANS.muleB });
    expect(newest).toHaveLength(100);
    expect(newest.slice(0, 3).sort()).toEqual(early.map((record) => record.reportId).sort());
    expect(spike!.reportIds).toEqual(newest);

    // The victims are one cluster, which spikes as much: its reports, by the cluster's own column, are the same hundred.
    const clusterSpike = spikes.find((found) => found.type === 'cluster');
    const clusterNewest = sqlite
      .prepare<Record<string, string>, string>(
        `SELECT report_id FROM reports WHERE status = 'filed' AND received_at >= @from AND received_at <= @end
            AND cluster_id = (SELECT cluster_id FROM reports WHERE report_id = @member) ORDER BY received_at DESC, report_id LIMIT 100`,
      )
      .pluck()
      .all({ from: startOfDay(addDays(AS_OF, -settings.recentDays + 1)), end: endOfDay(AS_OF), member: early[0]!.reportId });
    expect(clusterSpike?.recent).toBe(133);
    expect(clusterSpike!.reportIds).toEqual(clusterNewest);
    expect(clusterNewest).toEqual(newest);
  });

  it('name a cluster by its first report, also when that came in late in the evening (UTC) of the Dutch day before', async () => {
    // 23:30 UTC on 2 November is 00:30 on 3 November in the Netherlands: the cluster's first Dutch day starts before
    // its UTC date. A report of 08:00 UTC on 3 November came later.
    const first = payingMule('2026-11-02T23:30:00Z');
    const temp = openTempStore();
    await temp.importRecords([payingMule('2026-11-03T08:00:00Z'), first, ...Array.from({ length: 20 }, (_, index) => payingMule(`2026-11-${18 + (index % 3)}T1${index % 10}:00:00Z`))]);
    const spike = computeSpikes(temp.store.sqlite, AS_OF, settings, null).find((found) => found.type === 'cluster');
    expect(spike?.recent).toBe(20);
    expect(spike?.value).toBe(first.reportId);
  });

  it('name a cluster in a team’s overview by that team’s first report in it, not by another team’s', async () => {
    const otherTeams = payingMule('2026-11-02T10:00:00Z');
    const teamsFirst = payingMule('2026-11-03T10:00:00Z');
    const recent = Array.from({ length: 20 }, (_, index) => payingMule(`2026-11-${18 + (index % 3)}T1${index % 10}:00:00Z`));
    const temp = openTempStore();
    await temp.importRecords([otherTeams, teamsFirst, ...recent]);
    const route = temp.store.sqlite.prepare<[string, string]>('UPDATE reports SET route_team = ? WHERE report_id = ?');
    route.run('Team Oost', otherTeams.reportId);
    for (const record of [teamsFirst, ...recent]) route.run('Team West', record.reportId);
    const clusterOf = (team: string | null) => computeSpikes(temp.store.sqlite, AS_OF, settings, team).find((found) => found.type === 'cluster');
    expect(clusterOf('Team West')?.recent).toBe(20);
    expect(clusterOf('Team West')?.value).toBe(teamsFirst.reportId);
    expect(clusterOf(null)?.value).toBe(otherTeams.reportId);
  });
});
