// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Narrative } from '../../src-renderer/features/report/NarrativeSection';
import { ReportScreen } from '../../src-renderer/features/report/ReportScreen';
import { reportDetail } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';
import { WORK_PURPOSE, openReportUnder } from './support/open-report';

async function openReport(api: FakeApi, reportId: string) {
  const rendered = renderWithStore(<ReportScreen reportId={reportId} />, api);
  await act(async () => {
    await openReportUnder(rendered.store, reportId);
  });
  return rendered;
}

describe('report detail', () => {
  it('masks the reporter until the officer gives a purpose, then shows what the API returned', async () => {
    const detail = reportDetail();
    const api = new FakeApi()
      .handle('report.get', () => detail)
      .handle('report.revealReporter', () => ({
        type: 'person',
        name: 'Jan de Vries',
        phone: '0612345678',
        ownIndicators: [{ type: 'iban', value: 'NL91ABNA0417164300', field: 'incident.narrative', raw: 'NL91 ABNA 0417 1643 00' }],
      }));
    await openReport(api, detail.reportId);

    const section = screen.getByTestId('report-reporter');
    expect(within(section).getByText('J. d. V.')).toBeTruthy();
    expect(within(section).queryByText('Jan de Vries')).toBeNull();

    fireEvent.click(within(section).getByRole('button', { name: 'Toon melder' }));
    const dialog = await screen.findByRole('dialog');
    // The purpose the report was opened under is offered; another one is one click away.
    expect(within(dialog).getByRole('radio', { name: WORK_PURPOSE })).toHaveProperty('checked', true);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Verzoek van de betrokkene (inzage)' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('purpose-confirm'));
      await settle();
    });
    expect(api.callsOf('report.revealReporter')).toEqual([{ reportId: detail.reportId, reason: 'Verzoek van de betrokkene (inzage)' }]);
    expect(within(screen.getByTestId('reporter-revealed')).getByText('Jan de Vries')).toBeTruthy();
    expect(within(screen.getByTestId('reporter-revealed')).getByText('IBAN NL91 ABNA 0417 1643 00')).toBeTruthy();
  });

  it('shows under each indicator how many reports elsewhere mention it, or that it cannot ask', async () => {
    const detail = reportDetail();
    const api = new FakeApi()
      .handle('report.get', () => detail)
      .handle('indicator.seenElsewhere', ({ type }) =>
        type === 'iban'
          ? { available: true, total: 37, regions: [{ region: 'Rotterdam', reports: 30 }, { region: 'Den Haag', reports: 5 }, { region: null, reports: 2 }] }
          : { available: false, reason: 'offline', message: 'the hub refuses connections (is it running?)' },
      );
    await openReport(api, detail.reportId);
    expect(api.callsOf('indicator.seenElsewhere')).toEqual([
      { type: 'phone', value: '+31612345678' },
      { type: 'iban', value: 'NL91ABNA0417164300' },
    ]);
    const lines = within(screen.getByTestId('report-indicators')).getAllByTestId('seen-elsewhere');
    expect(lines.map((line) => line.textContent)).toEqual([
      'kan nu niet vragen of dit elders voorkomt (hub niet bereikbaar)',
      'ook in 37 meldingen elders: 3 eenheden',
    ]);
    expect(lines[1]!.getAttribute('title')).toBe('Rotterdam: 30, Den Haag: 5, zonder eenheid: 2');
  });

  it('shows evidence URLs defanged and never as links', async () => {
    const detail = reportDetail();
    const api = new FakeApi().handle('report.get', () => detail);
    await openReport(api, detail.reportId);
    const suspect = screen.getByTestId('report-suspect');
    expect(within(suspect).getByText('hxxps://ing-verificatie[.]nl/login')).toBeTruthy();
    expect(document.querySelectorAll('a[href^="http"]')).toHaveLength(0);
  });

  it('adds a note', async () => {
    const detail = reportDetail();
    const api = new FakeApi().handle('report.get', () => detail).handle('note.add', () => ({ noteId: 'n1' }));
    await openReport(api, detail.reportId);
    fireEvent.change(screen.getByTestId('note-input'), { target: { value: 'Bank gebeld voor terugboeking' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('note-submit'));
      await settle();
    });
    expect(api.callsOf('note.add')).toEqual([{ subjectType: 'report', subjectId: detail.reportId, body: 'Bank gebeld voor terugboeking' }]);
  });
});

describe('narrative rendering', () => {
  it('keeps an HTML payload as text and marks indicators in place', () => {
    const text = '<img src=x onerror="alert(1)"><b>vet</b> bel 0612345678 of kijk op https://evil.example/x';
    const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
    const highlights = [
      { ...at('0612345678'), type: 'phone' as const, value: '+31612345678', benign: false },
      { ...at('https://evil.example/x'), type: 'url' as const, value: 'https://evil.example/x', benign: false },
    ];
    renderWithStore(<Narrative text={text} highlights={highlights} />);
    const narrative = screen.getByTestId('narrative-text');
    expect(narrative.querySelector('img')).toBeNull();
    expect(narrative.querySelector('b')).toBeNull();
    expect(narrative.textContent).toContain('<img src=x onerror="alert(1)"><b>vet</b>');
    const marks = narrative.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['0612345678', 'hxxps://evil[.]example/x']);
    expect(marks[0]!.getAttribute('data-indicator-type')).toBe('phone');
  });
});
