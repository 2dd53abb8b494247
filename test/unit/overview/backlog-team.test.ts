/**
 * A team's overdue list is the team's own oldest overdue reports, read through the team's reports
 * (reports_filed_team) rather than every report of each overdue day and category: equal to a plain computation over
 * the records, with other teams' reports on the same days, a closed one of the team's, and everyone's list beside it.
 */
import { describe, expect, it } from 'vitest';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { AS_OF, quietRecords, workingDaysIndependent } from './support';

const TEAM = 'Team Fraude';

describe("a team's overdue list", () => {
  it("lists the team's open overdue reports oldest first, and none of another team's", async () => {
    const records = quietRecords(600, 23);
    const api = await openApiHarness({ records });
    const team = records.filter((_, index) => index % 40 === 3);
    const other = records.filter((_, index) => index % 40 === 7);
    await api.as(SUPERVISOR).value('report.reroute', { reportIds: team.map((record) => record.reportId), team: TEAM, priority: 'normal', assignee: null, reason: 'Test' });
    await api.as(SUPERVISOR).value('report.reroute', { reportIds: other.map((record) => record.reportId), team: 'Team Cybercrime', priority: 'normal', assignee: null, reason: 'Test' });
    const closed = team.slice(0, 2).map((record) => record.reportId);
    await api.value('report.setWorkStatus', { reportIds: closed, status: 'closed' });

    const levels = DEFAULT_OVERVIEW_SETTINGS.serviceLevels;
    // The records' receipts (03:00–12:00 UTC) fall on the same calendar day in the Netherlands.
    const overdueOf = (teamRecords: typeof records) =>
      teamRecords
        .filter((record) => !closed.includes(record.reportId) && record.receivedAt.slice(0, 10) <= AS_OF)
        .filter((record) => workingDaysIndependent(record.receivedAt.slice(0, 10), AS_OF) > (levels.byCategory[record.category] ?? levels.default))
        .sort((a, b) => a.receivedAt.slice(0, 10).localeCompare(b.receivedAt.slice(0, 10)) || a.category.localeCompare(b.category) || a.receivedAt.localeCompare(b.receivedAt) || a.reportId.localeCompare(b.reportId))
        .map((record) => record.reportId);
    const expected = overdueOf(team);
    expect(expected.length).toBeGreaterThan(5);

    const teamView = computeOverview(api.store.sqlite, { asOf: AS_OF, team: TEAM });
    expect(teamView.backlog.overdueList.map((entry) => entry.reportId)).toEqual(expected);
    expect(teamView.backlog.overdue).toBe(expected.length);
    // The other team's view on the same days lists its own, none of these; everyone's lists more than either.
    const otherView = computeOverview(api.store.sqlite, { asOf: AS_OF, team: 'Team Cybercrime' });
    expect(otherView.backlog.overdueList.map((entry) => entry.reportId)).toEqual(overdueOf(other));
    expect(computeOverview(api.store.sqlite, { asOf: AS_OF, team: null }).backlog.overdueList.length).toBeGreaterThan(expected.length + overdueOf(other).length);
  }, 60_000);
});
