// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportScreen } from '../../src-renderer/features/report/ReportScreen';
import { SUPERVISOR } from './support/request-builders';
import { reportDetail } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';
import { openReportUnder } from './support/open-report';

const byRule = {
  team: 'Team Fraude',
  priority: 'high' as const,
  assignee: 'officer-1',
  ruleId: 'hoge-schade',
  ruleName: 'Hoge schade',
  matched: ['schade € 1.250,00 is minstens € 1.000,00'],
  manual: null,
};

async function openReport(api: FakeApi) {
  const detail = reportDetail();
  api.handle('report.get', () => detail);
  const rendered = renderWithStore(<ReportScreen reportId={detail.reportId} />, api);
  await act(async () => {
    await rendered.store.getState().loadSession();
    await openReportUnder(rendered.store, detail.reportId);
  });
  // The panel is a slot filling, loaded when first drawn (app/feature-slots.ts).
  return { ...rendered, panel: await screen.findByTestId('report-route', {}, { timeout: 15_000 }), detail };
}

describe('why is this report here', () => {
  it('names the team, priority, rule and the facts that matched', async () => {
    const { panel } = await openReport(new FakeApi().handle('routing.explain', () => ({ current: byRule, byRules: byRule })));
    expect(within(panel).getByRole('heading', { name: 'Waarom staat deze melding hier?' })).toBeTruthy();
    expect(panel.textContent).toContain('Team Fraude');
    expect(panel.textContent).toContain('Hoog');
    expect(panel.textContent).toContain('A. Agent');
    expect(within(panel).getByTestId('route-matched').textContent).toBe('schade € 1.250,00 is minstens € 1.000,00');
    // Officers see the why, not the controls.
    expect(within(panel).queryByTestId('route-reroute')).toBeNull();
    expect(within(panel).queryByTestId('route-by-rules')).toBeNull();
  });

  it('shows a manual re-route with who and why, and where the rules would put it now', async () => {
    const manual = { ...byRule, team: 'Team Cybercrime', ruleId: null, ruleName: null, matched: [], manual: { by: 'officer-2', at: '2026-03-05T10:00:00Z', reason: 'Hoort bij ransomwarezaak' } };
    const { panel } = await openReport(new FakeApi().handle('routing.explain', () => ({ current: manual, byRules: byRule })));
    expect(within(panel).getByTestId('route-manual').textContent).toMatch(/^Handmatig omgeleid op 05-03-2026 \d{2}:\d{2} door B\. Brigadier: Hoort bij ransomwarezaak$/);
    expect(within(panel).getByTestId('route-by-rules').textContent).toBe('Volgens de regels nu: Team Fraude, prioriteit Hoog (Hoge schade)');
  });

  it('lets a supervisor re-route by hand with a reason', async () => {
    const api = new FakeApi()
      .handle('session.get', () => ({ officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
      .handle('routing.explain', () => ({ current: byRule, byRules: byRule }))
      .handle('report.reroute', () => ({ changed: 1 }));
    const { panel, detail } = await openReport(api);
    fireEvent.click(within(panel).getByTestId('route-reroute'));
    const dialog = screen.getByRole('dialog', { name: 'Melding omleiden' });
    fireEvent.change(within(dialog).getByTestId('reroute-team'), { target: { value: 'Team Cybercrime' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('reroute-submit'));
      await settle();
    });
    expect(api.callsOf('report.reroute')).toHaveLength(0);
    fireEvent.change(within(dialog).getByTestId('reroute-reason'), { target: { value: 'Onderdeel van ransomwarezaak' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('reroute-submit'));
      await settle();
    });
    expect(api.callsOf('report.reroute')).toEqual([
      { reportIds: [detail.reportId], team: 'Team Cybercrime', priority: 'high', assignee: 'officer-1', reason: 'Onderdeel van ransomwarezaak' },
    ]);
  });
});
