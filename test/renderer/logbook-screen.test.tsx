// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LogbookEntryView, LogbookPage, LogbookQuery } from '../../shared/api/views';
import { App } from '../../src-renderer/app/App';
import { AuditSection } from '../../src-renderer/features/report/AuditSection';
import { formatDateTime } from '../../src-renderer/ui/format';
import { SUPERVISOR } from './support/request-builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

const REPORT = 'IA-2026-0000042';
const HERE = '7d1c2a40-0000-4000-8000-000000000001';
const ELSEWHERE = '9f3e6b10-0000-4000-8000-000000000002';

const entry = (id: number, overrides: Partial<LogbookEntryView> = {}): LogbookEntryView => ({
  id,
  workstationId: HERE,
  at: `2026-11-0${id}T10:00:00.000Z`,
  actor: 'officer-1',
  action: 'report.viewed',
  subjectType: 'report',
  subjectId: REPORT,
  details: { purpose: 'Beoordelen van de melding', revision: 1 },
  purpose: 'Beoordelen van de melding',
  ...overrides,
});

/** Newest first, as the core answers. */
const ENTRIES = [
  entry(3, { action: 'report.reporter_revealed', details: { purpose: 'Verzoek van de betrokkene (inzage)' }, purpose: 'Verzoek van de betrokkene (inzage)' }),
  entry(2, { action: 'report.revised', actor: 'system:sync', details: { revision: 2, noteId: 'n-1', batch: 7 }, purpose: null }),
  entry(1),
];

const click = async (element: HTMLElement) =>
  act(async () => {
    fireEvent.click(element);
    await settle();
  });

/** The core's answer without a hub: this workstation's log, bounded by its newest entry. */
const localPage = (query: LogbookQuery, entries: LogbookEntryView[]): LogbookPage => ({
  entries,
  truncated: false,
  source: 'local',
  hubUnanswered: { reason: 'offline', message: 'the hub did not answer within 15 s' },
  total: entries.length,
  next: null,
  workstationId: HERE,
  query: { ...query, ...(entries[0] ? { upToId: entries[0].id } : {}) },
});

function supervisorApi(): FakeApi {
  return new FakeApi()
    .handle('session.get', () => ({ officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }))
    .handle('audit.logbook', (query) => localPage(query, query.reportId === REPORT || query.officer === 'officer-1' ? ENTRIES : []))
    .handle('audit.exportCsv', (query) => ({ fileName: `logboek_${query.reportId ?? query.officer ?? ''}.csv`, csv: 'id,at\r\n3,x' }))
    .handle('sync.refusedChanges', () => ({
      reachable: true,
      refused: [
        {
          mutationId: 'm-1',
          kind: 'note.add',
          officer: 'x.weg',
          at: '2026-11-01T08:00:00.000Z',
          reason: 'officer "x.weg" has been deactivated; this change is kept for a supervisor to see',
          pushedBy: 'station-noord',
          refusedAt: '2026-11-02T09:00:00.000Z',
        },
      ],
    }))
    .handle('audit.refusals', () => ({ reachable: false, refusals: [] }));
}

async function openLogbookScreen(api: FakeApi) {
  const rendered = renderWithStore(<App />, api);
  await act(async () => rendered.store.getState().loadSession());
  await click(screen.getByTestId('nav-logbook'));
  // The screen is its own chunk, loaded when first opened.
  await screen.findByTestId('logbook-report-form', {}, { timeout: 15_000 });
  return rendered;
}

describe('Logboek', () => {
  it('answers who consulted a report and why, with the purposes, and downloads exactly the entries shown as CSV', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:logbook-${created.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const api = supervisorApi();
    await openLogbookScreen(api);
    expect(screen.getByRole('tab', { name: 'Wie raadpleegde deze melding, en waarom?' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Wat raadpleegde deze agent?' })).toBeTruthy();

    const ask = screen.getByTestId('logbook-report-ask');
    expect(ask.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('logbook-report-id'), { target: { value: ` ${REPORT} ` } });
    await click(ask);
    expect(api.callsOf('audit.logbook')).toEqual([{ reportId: REPORT }]);

    const results = screen.getByTestId('logbook-results');
    expect(within(results).getByRole('heading', { name: `Melding ${REPORT}` })).toBeTruthy();
    expect(screen.getByTestId('logbook-count').textContent).toBe('3 vermeldingen, nieuwste eerst');
    const rows = within(screen.getByTestId('logbook-table')).getAllByTestId('logbook-row');
    expect(rows.map((row) => row.getAttribute('data-entry-id'))).toEqual(['3', '2', '1']);
    expect(within(rows[0]!).getByText('Melder getoond')).toBeTruthy();
    expect(within(rows[0]!).getByText('A. Agent')).toBeTruthy();
    expect(within(rows[0]!).getByTestId('logbook-purpose').textContent).toBe('Verzoek van de betrokkene (inzage)');
    expect(within(rows[1]!).getByTestId('logbook-purpose').textContent).toBe('geen doel (wijziging of bekeken zonder doel)');
    // The details' keys and the workstation's own processes in words; a key without words stays as it is.
    expect(within(rows[1]!).getByText('revisie: 2 · notitie: n-1 · batch: 7')).toBeTruthy();
    expect(within(rows[1]!).getByText('Synchronisatie (systeem)')).toBeTruthy();
    expect(within(rows[1]!).getByText('(system:sync)')).toBeTruthy();

    await click(screen.getByTestId('logbook-csv'));
    // Asked why first: the export is logged with its purpose.
    expect(api.callsOf('audit.exportCsv')).toEqual([]);
    const asked = within(screen.getByTestId('purpose-form'));
    await click(asked.getByRole('radio', { name: 'Verzoek van de betrokkene (inzage)' }));
    await click(asked.getByTestId('purpose-confirm'));
    // The export asks for what is shown and nothing logged since (the newest entry shown is 3).
    expect(api.callsOf('audit.exportCsv')).toEqual([{ reportId: REPORT, upToId: 3, purpose: 'Verzoek van de betrokkene (inzage)' }]);
    expect(downloads).toEqual([`logboek_${REPORT}.csv`]);
    // UTF-8 with a byte-order mark (spreadsheet programs then read the accents), then the core's CSV as it is.
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('id,at\r\n3,x');
    // The export is itself logged: the table is asked again, for everything up to now.
    expect(api.callsOf('audit.logbook').at(-1)).toEqual({ reportId: REPORT });
  });

  it('answers what one officer consulted in a period', async () => {
    const api = supervisorApi();
    await openLogbookScreen(api);
    await click(screen.getByRole('tab', { name: 'Wat raadpleegde deze agent?' }));
    const ask = screen.getByTestId('logbook-officer-ask');
    expect(ask.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('logbook-from'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByTestId('logbook-to'), { target: { value: '2026-11-30' } });
    await click(screen.getByTestId('logbook-officer'));
    await click(screen.getByRole('option', { name: 'A. Agent' }));
    await click(screen.getByTestId('logbook-officer-ask'));
    expect(api.callsOf('audit.logbook')).toEqual([{ officer: 'officer-1', from: '2026-11-01', to: '2026-11-30' }]);
    expect(within(screen.getByTestId('logbook-results')).getByRole('heading', { name: 'Agent officer-1' })).toBeTruthy();
    expect(within(screen.getByTestId('logbook-table')).getAllByTestId('logbook-row')).toHaveLength(3);
  });

  it('explains in words what the hub refused, and says when it could not be asked', async () => {
    await openLogbookScreen(supervisorApi());
    const changes = await screen.findByTestId('refused-changes');
    expect(within(changes).getByTestId('refused-change').textContent).toContain(
      `Notitie toegevoegd door x.weg (gemaakt ${formatDateTime('2026-11-01T08:00:00.000Z')}) is op ${formatDateTime('2026-11-02T09:00:00.000Z')} geweigerd en niet doorgevoerd; aangeboden door station-noord.`,
    );
    expect(within(changes).getByText(/De hub: officer "x.weg" has been deactivated/)).toBeTruthy();
    expect(within(screen.getByTestId('refused-audit-logs')).getByText(/De hub kon niet worden gevraagd/)).toBeTruthy();
  });

  it('names a refused audit log by its workstation and first bad entry, and shows the error when the core refuses', async () => {
    const api = supervisorApi().handle('audit.refusals', () => ({
      reachable: true,
      refusals: [{ workstationId: 'ws-7', refusedAt: '2026-11-03T12:00:00.000Z', pushedBy: 'station-zuid', firstBad: 17, reason: 'entry 17 does not continue the chain the hub holds' }],
    }));
    await openLogbookScreen(api);
    const item = await screen.findByTestId('refused-audit-log');
    expect(item.textContent).toContain(`Het logboek van werkplek ws-7 is op ${formatDateTime('2026-11-03T12:00:00.000Z')} geweigerd vanaf vermelding 17`);
    expect(within(screen.getByTestId('refused-changes')).queryByText('De hub heeft geen wijzigingen geweigerd.')).toBeNull();

    api.handle('audit.logbook', () => {
      throw new FakeFailure('FORBIDDEN');
    });
    fireEvent.change(screen.getByTestId('logbook-report-id'), { target: { value: REPORT } });
    await click(screen.getByTestId('logbook-report-ask'));
    expect(within(screen.getByTestId('logbook-results')).getByRole('alert')).toBeTruthy();
    expect(screen.queryByTestId('logbook-table')).toBeNull();
  });

  it('says when only this workstation’s log could be read (the hub cannot be reached)', async () => {
    await openLogbookScreen(supervisorApi());
    fireEvent.change(screen.getByTestId('logbook-report-id'), { target: { value: REPORT } });
    await click(screen.getByTestId('logbook-report-ask'));
    expect(screen.getByTestId('logbook-local-only').textContent).toContain('Alleen deze werkplek — de hub is niet bereikbaar');
    expect(within(screen.getAllByTestId('logbook-row')[0]!).getByTestId('logbook-workstation').textContent).toBe('deze werkplek');
  });

  it('shows the hub’s answer with the workstation of each entry, asks the next page while scrolling, and exports the snapshot shown', async () => {
    const asOf = '2026-11-05T12:00:00.000Z';
    const hubEntries = Array.from({ length: 200 }, (_, index) => entry(200 - index, { workstationId: index % 2 ? HERE : ELSEWHERE, at: new Date(Date.parse('2026-11-05T11:00:00Z') - index * 60_000).toISOString() }));
    const api = supervisorApi()
      .handle('audit.logbook', (query) => {
        const start = query.after === undefined ? 0 : Number(query.after);
        const end = start + 100;
        return {
          entries: hubEntries.slice(start, end),
          truncated: false,
          source: 'hub',
          hubUnanswered: null,
          total: query.after === undefined ? hubEntries.length : null,
          next: end < hubEntries.length ? String(end) : null,
          workstationId: HERE,
          query: { reportId: REPORT, asOf, held: 40, upToId: 61 },
        };
      });
    await openLogbookScreen(api);
    fireEvent.change(screen.getByTestId('logbook-report-id'), { target: { value: REPORT } });
    await click(screen.getByTestId('logbook-report-ask'));
    expect(screen.queryByTestId('logbook-local-only')).toBeNull();
    expect(screen.getByTestId('logbook-source').textContent).toBe('uit de logboeken van alle werkplekken (de hub)');
    expect(screen.getByTestId('logbook-count').textContent).toBe('200 vermeldingen, nieuwste eerst');
    expect(screen.getByTestId('logbook-table').getAttribute('aria-rowcount')).toBe('201');
    // Only the rows in view exist; the first is another workstation's, named by the start of its id.
    const rows = screen.getAllByTestId('logbook-row');
    expect(rows.length).toBeLessThan(40);
    expect(api.callsOf('audit.logbook')).toHaveLength(1);
    expect(within(rows[0]!).getByTestId('logbook-workstation').textContent).toBe(ELSEWHERE.slice(0, 8));
    expect(within(rows[1]!).getByTestId('logbook-workstation').textContent).toBe('deze werkplek');

    // Scrolled towards the end of what is loaded: the next page is asked with the snapshot.
    const scroller = screen.getByTestId('logbook-scroll');
    await act(async () => {
      scroller.scrollTop = 70 * 600;
      fireEvent.scroll(scroller);
      await settle();
    });
    expect(api.callsOf('audit.logbook').at(-1)).toEqual({ reportId: REPORT, asOf, held: 40, upToId: 61, after: '100' });

    await click(screen.getByTestId('logbook-csv'));
    const asked = within(screen.getByTestId('purpose-form'));
    await click(asked.getByRole('radio', { name: 'Interne controle' }));
    await click(asked.getByTestId('purpose-confirm'));
    expect(api.callsOf('audit.exportCsv')).toEqual([{ reportId: REPORT, asOf, held: 40, upToId: 61, purpose: 'Interne controle' }]);
  });

  it('is not in the navigation of an officer, and tells one who lands on it that it is for supervisors', async () => {
    const api = new FakeApi();
    const rendered = renderWithStore(<App />, api);
    await act(async () => rendered.store.getState().loadSession());
    expect(screen.queryByTestId('nav-logbook')).toBeNull();
    await act(async () => {
      rendered.store.getState().openLogbook();
      await settle();
    });
    await screen.findByTestId('supervisors-only', {}, { timeout: 15_000 });
    expect(screen.queryByTestId('logbook-report-form')).toBeNull();
  });

  it('opens from a report’s audit log asking about that report (supervisors only)', async () => {
    const api = supervisorApi();
    const rendered = renderWithStore(<AuditSection entries={[]} />, api);
    await act(async () => rendered.store.getState().loadSession());
    act(() => rendered.store.setState({ view: { screen: 'report', reportId: REPORT } }));
    await click(screen.getByTestId('report-open-logbook'));
    expect(rendered.store.getState().view).toEqual({ screen: 'logbook', reportId: REPORT });
    expect(api.callsOf('audit.logbook')).toEqual([{ reportId: REPORT }]);
    expect(rendered.store.getState().logbookPage?.entries).toHaveLength(3);

    const officer = renderWithStore(<AuditSection entries={[]} />, new FakeApi());
    await act(async () => officer.store.getState().loadSession());
    act(() => officer.store.setState({ view: { screen: 'report', reportId: REPORT } }));
    expect(within(officer.container).queryByTestId('report-open-logbook')).toBeNull();
  });

  it('shows a report’s own trail as the Logboek does: actors and details in words', async () => {
    const rendered = renderWithStore(<AuditSection entries={[{ at: '2026-11-02T10:00:00.000Z', actor: 'system:import', action: 'report.received', subjectType: 'report', subjectId: REPORT, details: { revision: 1, batch: 7 } }]} />, supervisorApi());
    await act(async () => rendered.store.getState().loadSession());
    const trail = within(screen.getByTestId('report-audit'));
    expect(trail.getByText('Import (systeem)')).toBeTruthy();
    expect(trail.getByText('revisie: 1 · batch: 7')).toBeTruthy();
  });
});
