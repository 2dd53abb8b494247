/**
 * The text index's leaves fit eight to a page (migration `*_text_index_leaves_fit_pages`): in a plain store and in an
 * encrypted one, whose pages keep 80 bytes for SQLCipher. With 500-byte leaves seven fitted and 12 % of every page
 * of the index stayed unused. (Not all the rest is used: pages split where a new segment's leaves go between older ones.)
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importNdjson } from '../../../src-main/ingest/importer';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const WORDS = ['betaald', 'fiets', 'marktplaats', 'verkoper', 'reageert', 'niet', 'geleverd', 'pakket', 'bank', 'kluisrekening', 'overgemaakt', 'helpdesk'];

/** Narratives of a few words each, with numbers that make words of their own: many doclists over many leaves. */
function records(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const words = Array.from({ length: 8 }, (_, at) => WORDS[(index * 7 + at * 5) % WORDS.length]);
    return filedRecord({ incident: { summary: `Melding ${index % 97}`, narrative: `${words.join(' ')} order ${index % 389} kenmerk ${(index * 31) % 1009}.` } });
  });
}

describe('the text index in a store', () => {
  for (const [kind, key] of [
    ['plain', undefined],
    ['encrypted', 'correct horse battery staple'],
  ] as const) {
    it(`leaves less than 9 % of its leaf pages unused (${kind}; 11–13 % with 500-byte leaves)`, async () => {
      const { store, writer } = openTempStore({ key });
      await importNdjson(Readable.from([records(3000).map((record) => JSON.stringify(record)).join('\n') + '\n']), writer);
      const pages = store.sqlite
        .prepare<[], { pages: number; cells: number; unused: number; size: number }>(
          "SELECT count(*) AS pages, sum(ncell) AS cells, sum(unused) AS unused, sum(pgsize) AS size FROM dbstat WHERE name = 'reports_fts_data' AND pagetype = 'leaf'",
        )
        .get()!;
      expect(pages.pages).toBeGreaterThan(20);
      expect(pages.unused / pages.size).toBeLessThan(0.09);
    });
  }
});
