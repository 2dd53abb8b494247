import { describe, expect, it } from 'vitest';
import { createRouteFactsReader } from '../../../src-main/queries/route-facts';
import { createTeamLoads } from '../../../src-main/routing/team-loads';
import { filedRecord, IBANS, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

describe('route facts from the store', () => {
  it('reads category, region, reporter type, loss and the non-benign indicator types', async () => {
    const report = filedRecord({
      category: 'ransomware',
      region: 'Oost-Brabant',
      reporter: { type: 'organisation', name: 'Testbedrijf B.V.' },
      payments: [{ amount: '8000.00', currency: 'EUR' }, { amount: '2500.50' }, { amount: '900', currency: 'USD' }],
      // The bank's real helpdesk number is benign: it never counts as an indicator of the report.
      suspect: { bankAccounts: [IBANS.muleA], phoneNumbers: ['020 22 888 00'], emailAddresses: ['boef@example.org'] },
    });
    const temp = openTempStore();
    await temp.importRecords([report]);
    expect(createRouteFactsReader(temp.store.sqlite)(report.reportId)).toEqual({
      live: true,
      category: 'ransomware',
      region: 'Oost-Brabant',
      reporterType: 'organisation',
      lossCents: 1_050_050,
      clusterSize: 1,
      indicatorTypes: ['email', 'iban'],
      clusterOwner: null,
    });
  });

  it('names the cluster’s owner: the most common assignee of the other live reports, ties alphabetically', async () => {
    const members = Array.from({ length: 5 }, () => filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } }));
    const temp = openTempStore();
    await temp.importRecords(members);
    const { sqlite } = temp.store;
    sqlite.prepare("INSERT INTO officers (id, display_name, role, team) VALUES ('z.zwart', 'Z. Zwart', 'officer', 'Team Fraude')").run();
    const assign = (index: number, assignee: string) => sqlite.prepare('UPDATE reports SET assignee = ? WHERE report_id = ?').run(assignee, members[index]!.reportId);
    const factsOf = createRouteFactsReader(sqlite);
    const subject = members[0]!.reportId;
    expect(factsOf(subject)).toMatchObject({ clusterSize: 5, clusterOwner: null });

    assign(1, 'z.zwart');
    assign(2, 'a.aalders');
    expect(factsOf(subject).clusterOwner).toEqual({ id: 'a.aalders', team: null });
    assign(3, 'z.zwart');
    expect(factsOf(subject).clusterOwner).toEqual({ id: 'z.zwart', team: 'Team Fraude' });
    // The report's own assignee does not count (it would tie the two and make a.aalders the owner).
    assign(0, 'a.aalders');
    expect(factsOf(subject).clusterOwner).toEqual({ id: 'z.zwart', team: 'Team Fraude' });
  });

  it('marks a withdrawn report as not live', async () => {
    const report = filedRecord();
    const temp = openTempStore();
    await temp.importRecords([report, withdrawal(report, 2)]);
    expect(createRouteFactsReader(temp.store.sqlite)(report.reportId)).toMatchObject({ live: false, reporterType: null });
  });

  it('refuses a report the store does not hold', () => {
    const temp = openTempStore();
    expect(() => createRouteFactsReader(temp.store.sqlite)('IA-2026-0999999')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('team loads', () => {
  it('counts open assigned reports of active members, leaving out the report being routed', async () => {
    const reports = [filedRecord(), filedRecord(), filedRecord()];
    const temp = openTempStore();
    await temp.importRecords(reports);
    const { sqlite } = temp.store;
    const insert = sqlite.prepare("INSERT INTO officers (id, display_name, role, team, active) VALUES (?, ?, 'officer', 'Team T', ?)");
    insert.run('t.actief', 'Actief', 1);
    insert.run('t.weg', 'Weg', 0);
    const set = sqlite.prepare('UPDATE reports SET assignee = ?, work_status = ? WHERE report_id = ?');
    set.run('t.actief', 'in_progress', reports[0]!.reportId);
    set.run('t.actief', 'new', reports[1]!.reportId);
    set.run('t.actief', 'closed', reports[2]!.reportId);
    const loadsBesides = createTeamLoads(sqlite);
    expect(loadsBesides('IA-2026-0999999')('Team T')).toEqual([{ id: 't.actief', open: 2 }]);
    expect(loadsBesides(reports[0]!.reportId)('Team T')).toEqual([{ id: 't.actief', open: 1 }]);
    expect(loadsBesides(reports[0]!.reportId)('Team Onbekend')).toEqual([]);
  });
});
