/**
 * Revisions are stored packed (src-main/db/stored-revision.ts) yet read back byte for byte as received — or as
 * redacted once withdrawn — through every reader: the stored text, report.get's record and the revision history.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportGenerator, generateReports } from '../../../src-generator';
import { redactRecord } from '../../../shared/intake/revision-rules';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { packRevision, packsWithReusedCompressor, readsBackAfter, revisionText } from '../../../src-main/db/stored-revision';
import { currentRecord, requireReportRow } from '../../../src-main/queries/report-record';
import { changedFieldPaths } from '../../../src-main/queries/revision-diff';
import { listRevisions } from '../../../src-main/queries/revisions';
import { filedRecord, withdrawal } from '../../support/records';
import { storedRevisions } from '../../support/stored-revisions';
import { openTempStore } from '../../support/temp-store';

/** One line per record as a portal might write it: spaces after the separators, not JSON.stringify's compact form. */
const spaced = (record: IntakeRecord) => JSON.stringify(record, null, 1).replace(/\n */g, ' ');

/** What each revision must read back as: the line as received, or redacted when it or a later revision withdrew it. */
function expectedTexts(lines: string[]): Map<string, string> {
  const records = lines.map((line) => JSON.parse(line) as IntakeRecord);
  const withdrawnUpTo = new Map<string, number>();
  for (const record of records) {
    if (record.status === 'withdrawn') withdrawnUpTo.set(record.reportId, Math.max(withdrawnUpTo.get(record.reportId) ?? 0, record.revision));
  }
  const expected = new Map<string, string>();
  records.forEach((record, index) => {
    const withdrawn = record.revision <= (withdrawnUpTo.get(record.reportId) ?? 0);
    expected.set(`${record.reportId}#${record.revision}`, withdrawn ? redactRecord(record) : lines[index]!);
  });
  return expected;
}

/**
 * The packer reuses one compressor, reset before each text (stored-revision.ts): its bytes may differ from a fresh
 * compressor's — zlib's match search may look past a text's end into what the text before left in the window — but
 * each must read back, through the existing reader, as exactly the text packed, whatever came before it.
 */
describe('the reused compressor', () => {
  const readBack = (text: string) => revisionText({ raw: '', ...packRevision(text), reportNarrative: null });

  it('is what packs on this Node (else each revision takes a fresh one, as before)', () => {
    expect(packsWithReusedCompressor()).toBe(true);
  });

  it('reads back every record of the bench 20k file, cut and whole, packed one after another as an import packs them', () => {
    const generator = createReportGenerator({ seed: '2026', revisions: true, withdrawals: true });
    for (let index = 0; index < 20_000; index++) {
      const record = generator.next();
      const line = JSON.stringify(record);
      const narrative = record.incident?.narrative;
      const cut = packRevision(line, narrative);
      if (revisionText({ raw: '', ...cut, reportNarrative: narrative ?? null }) !== line) expect.fail(`record ${index + 1} cut`);
      if (readBack(line) !== line) expect.fail(`record ${index + 1} whole`);
    }
  }, 120_000);

  it('reads back a text packed after a longer one it begins, where the window past its end holds its own continuation', () => {
    const longer = JSON.stringify(filedRecord({ incident: { summary: 'Betaald', narrative: 'Ik heb betaald en niets ontvangen. '.repeat(40) } }));
    for (let length = longer.length; length > 0; length -= 7) {
      readBack(longer);
      expect(readBack(longer.slice(0, length))).toBe(longer.slice(0, length));
    }
  });

  it('reads back texts of any length and alphabet in any order, longer than its kept buffers and empty too', () => {
    expect(readBack('')).toBe('');
    const huge = '€ 0612345678 https://voorbeeld.nl '.repeat(12_000);
    expect(readBack(huge)).toBe(huge);
    expect(readBack(huge.slice(0, 1000))).toBe(huge.slice(0, 1000));
    fc.assert(
      // Well-formed text, as a line read from UTF-8 is (a lone surrogate would become U+FFFD, with or without reuse).
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.string({ unit: 'grapheme-ascii', maxLength: 5000 })), { minLength: 1, maxLength: 8 }), (texts) => {
        for (const text of texts) expect(readBack(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stored revisions', () => {
  it('pack and unpack any JSON text exactly, with the narrative cut out and put back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 3000 }), fc.boolean(), (value, narrative, spaced) => {
        const text = JSON.stringify({ before: value, incident: { narrative }, after: value }, null, spaced ? 1 : undefined);
        const cut = packRevision(text, narrative);
        if (narrative !== '' && !/\p{Cs}/u.test(narrative)) expect(cut.narrativeAt).not.toBeNull();
        expect(revisionText({ raw: '', ...cut, reportNarrative: narrative })).toBe(text);
        const whole = packRevision(text);
        expect(whole.narrativeAt).toBeNull();
        expect(revisionText({ raw: '', ...whole, reportNarrative: null })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('read a cut revision back from the start of a longer row narrative, and say when another narrative would change it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 3000 }), (narrative, added, other) => {
        const text = JSON.stringify({ incident: { summary: 'kort', narrative }, payments: [] });
        const cut = packRevision(text, narrative);
        if (cut.narrativeAt === null) return;
        const longer = narrative + added;
        expect(readsBackAfter(cut, narrative, longer)).toBe(true);
        if (!/\p{Cs}/u.test(longer)) expect(revisionText({ raw: '', ...cut, reportNarrative: longer })).toBe(text);
        // Any other narrative: kept only when the text would read back the same with it.
        const kept = readsBackAfter(cut, narrative, other);
        expect(kept).toBe(other.startsWith(narrative));
        if (kept) expect(revisionText({ raw: '', ...cut, reportNarrative: other })).toBe(text);
        expect(readsBackAfter(cut, narrative, null)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse to read a cut revision whose row narrative is shorter than what it takes back', () => {
    const narrative = 'Ik heb betaald voor een fiets maar niets ontvangen.';
    const cut = packRevision(JSON.stringify({ incident: { narrative } }), narrative);
    expect(() => revisionText({ raw: '', ...cut, reportNarrative: narrative.slice(0, -1) })).toThrow(/lacks the narrative/);
    expect(() => revisionText({ raw: '', ...cut, reportNarrative: null })).toThrow(/lacks the narrative/);
  });

  it('read a cut revision stored before session 14 (format 1) back from the whole row narrative, kept only while it stays the same', () => {
    const narrative = 'Ik heb betaald voor een fiets maar niets ontvangen.';
    const text = JSON.stringify({ incident: { narrative } });
    const cut = packRevision(text, narrative);
    // Format 2's header is its byte and the length (one byte below 128); format 1 had only its byte before the same deflated text.
    expect([...cut.packed.subarray(0, 2)]).toEqual([2, narrative.length]);
    const older = { packed: Uint8Array.of(1, ...cut.packed.subarray(2)), narrativeAt: cut.narrativeAt };
    expect(revisionText({ raw: '', ...older, reportNarrative: narrative })).toBe(text);
    expect(readsBackAfter(older, narrative, narrative)).toBe(true);
    expect(readsBackAfter(older, narrative, `${narrative} Nog een zin.`)).toBe(false);
  });

  it('leave earlier revisions in place while amendments add to the narrative, and store them whole once it is rewritten', async () => {
    const narrative = 'Ik heb betaald voor een fiets maar niets ontvangen.';
    const filed = filedRecord({ incident: { summary: 'Betaald, niets ontvangen', narrative } });
    const amended = { ...filed, revision: 2, receivedAt: '2026-04-02T10:00:00Z', incident: { summary: 'Betaald', narrative: `${narrative} Correctie: het was een scooter.` } };
    const added = { ...amended, revision: 3, receivedAt: '2026-04-03T10:00:00Z', incident: { summary: 'Betaald', narrative: `${amended.incident.narrative} Nog een zin.` } };
    const rewritten = { ...added, revision: 4, receivedAt: '2026-04-04T10:00:00Z', incident: { summary: 'Betaald', narrative: 'Een heel andere tekst.' } };
    const temp = openTempStore();
    const rows = temp.store.sqlite.prepare<[], { rowid: number; revision: number; packed: Buffer; narrative_at: number | null }>(
      'SELECT rowid, revision, packed, narrative_at FROM report_revisions ORDER BY revision',
    );
    const readBack = () => storedRevisions(temp.store.sqlite).map((revision) => revision.raw);

    await temp.importRecords([filed, amended]);
    const afterAmendment = rows.all();
    await temp.importRecords([added]);
    const afterAddition = rows.all();
    // Revisions 1 and 2 are the very rows they were: each takes back the start of the row's narrative.
    expect(afterAddition.slice(0, 2)).toEqual(afterAmendment);
    expect(afterAddition.map((row) => row.narrative_at === null)).toEqual([false, false, false]);
    expect(readBack()).toEqual([filed, amended, added].map((record) => JSON.stringify(record)));

    // The honest twin: a narrative that does not begin with theirs makes every earlier revision whole.
    await temp.importRecords([rewritten]);
    const afterRewrite = rows.all();
    expect(afterRewrite.map((row) => row.narrative_at === null)).toEqual([true, true, true, false]);
    expect(afterRewrite.slice(0, 3).map((row) => row.rowid).every((rowid) => !afterAddition.some((before) => before.rowid === rowid))).toBe(true);
    expect(readBack()).toEqual([filed, amended, added, rewritten].map((record) => JSON.stringify(record)));
    temp.store.close();
  });

  it('read back exactly as received, or redacted, in any import order, through report.get and the history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), async (seed, reversed) => {
        const lines = [...generateReports(150, { seed, messy: 0.3 })].map(spaced);
        const temp = openTempStore();
        await temp.importText(`${(reversed ? [...lines].reverse() : lines).join('\n')}\n`);
        const { sqlite } = temp.store;

        const expected = expectedTexts(lines);
        const stored = storedRevisions(sqlite);
        expect(new Map(stored.map((revision) => [`${revision.reportId}#${revision.revision}`, revision.raw]))).toEqual(expected);

        for (const reportId of new Set(stored.map((revision) => revision.reportId))) {
          const row = requireReportRow(sqlite, reportId);
          expect(currentRecord(sqlite, row)).toEqual(JSON.parse(expected.get(`${reportId}#${row.revision}`)!));
          const texts = stored.filter((revision) => revision.reportId === reportId).map((revision) => JSON.parse(revision.raw) as Record<string, unknown>);
          const history = listRevisions(sqlite, reportId);
          expect(history.map((revision) => revision.revision)).toEqual(stored.filter((revision) => revision.reportId === reportId).map((revision) => revision.revision));
          expect(history.map((revision) => revision.changedFields)).toEqual(texts.map((text, index) => (index === 0 ? [] : changedFieldPaths(texts[index - 1]!, text))));
        }
        temp.store.close();
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('keep a withdrawn report nothing personal: the redacted text replaces the packed record', async () => {
    const filed = filedRecord();
    const amended = { ...filed, revision: 2, receivedAt: '2026-04-03T10:00:00Z' };
    const temp = openTempStore();
    await temp.importRecords([filed, amended]);
    const rows = temp.store.sqlite.prepare<[], { raw: string; packed: Buffer | null; narrative_at: number | null }>(
      'SELECT raw, packed, narrative_at FROM report_revisions ORDER BY revision',
    );
    // Both packed, and without the narrative their report row holds: the amendment kept it as it was.
    expect(rows.all().map((row) => [row.packed === null, row.narrative_at === null])).toEqual([
      [false, false],
      [false, false],
    ]);

    await temp.importRecords([withdrawal(filed, 3)]);
    const redacted = rows.all();
    expect(redacted).toHaveLength(3);
    for (const row of redacted) {
      expect(row.packed).toBeNull();
      expect(row.narrative_at).toBeNull();
      expect(row.raw).toBe(redactRecord(JSON.parse(row.raw) as IntakeRecord));
      expect(row.raw).not.toContain(filed.reporter!.name);
    }
  });
});
