import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ftsQuery as ftsQueryOfWords } from '../../../src-main/search/fts-query';
import { searchWords } from '../../../src-main/search/search-words';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const NARRATIVES = [
  'Fiets betaald via Marktplaats.',
  'De fietsen zijn nooit geleverd.',
  'Bij de fietsenmaker betaald met een Tikkie.',
  'Een fietsbel van marktplaats12, niet ontvangen.',
  'Geld naar een kluisrekening overgemaakt.',
  'Financiële adviseur, crypto beloofd.',
  'Straße und Café, nichts geliefert.',
];

const ftsQuery = (sqlite: Parameters<typeof ftsQueryOfWords>[0], typed: string) => ftsQueryOfWords(sqlite, searchWords(typed));

async function store() {
  const temp = openTempStore();
  await temp.importRecords(NARRATIVES.map((narrative) => filedRecord({ incident: { summary: 'Melding', narrative } })));
  return temp.store.sqlite;
}

describe('the FTS query for what a person typed', () => {
  it('finds exactly what a prefix query finds', async () => {
    const sqlite = await store();
    const matches = (fts: string) => sqlite.prepare('SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rowid').pluck().all(fts);
    for (const typed of ['fiets', 'fietse', 'FIETS betaald', 'markt', 'marktplaats', 'kluisrek', 'financiele', 'Financiële', 'stra', 'straße', 'cafe', 'x', 'niet']) {
      const prefixQuery = typed
        .split(' ')
        .map((word) => `"${word}"*`)
        .join(' ');
      expect(matches(ftsQuery(sqlite, typed)!), typed).toEqual(matches(prefixQuery));
    }
  });

  it('looks a word up directly, with a prefix only for each way it goes on', async () => {
    const sqlite = await store();
    expect(ftsQuery(sqlite, 'betaald')).toBe('("betaald")');
    expect(ftsQuery(sqlite, 'kluisrek')).toBe('("kluisrek" OR "kluisreke"*)');
    expect(ftsQuery(sqlite, 'Fiets')).toBe('("fiets" OR "fietsb"* OR "fietse"*)');
    expect(ftsQuery(sqlite, 'fiets betaald')).toBe('("fiets" OR "fietsb"* OR "fietse"*) AND ("betaald")');
    // Beyond plain letters and digits after folding, the word stays one prefix query.
    expect(ftsQuery(sqlite, 'straße')).toBe('"straße"*');
  });

  it('gives the index single words only, never a phrase an index without positions would refuse', async () => {
    const sqlite = await store();
    const tokenizer = "tokenize='unicode61 remove_diacritics 2'";
    expect(sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'reports_fts'").pluck().get()).toContain(tokenizer);
    // The store's index keeps positions (0039) and would answer a phrase; one without them, as 0028 made, refuses any.
    const words = new Database(':memory:');
    words.exec(`CREATE VIRTUAL TABLE words USING fts5(word, ${tokenizer}, detail=column)`);
    const match = words.prepare('SELECT rowid FROM words WHERE words MATCH ?');
    const refused: string[] = [];
    // Every letter and digit JavaScript knows, inside a word: the tokenizer must see the search's words as words.
    for (let codePoint = 0x80; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const char = String.fromCodePoint(codePoint);
      if (!/[\p{L}\p{N}]/u.test(char)) continue;
      for (const word of searchWords(`a${char}b`)) {
        try {
          match.all(`"${word}"*`);
        } catch {
          refused.push(codePoint.toString(16));
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('keeps only words, so FTS5 syntax typed by a person is searched as words', async () => {
    const sqlite = await store();
    expect(ftsQuery(sqlite, 'fiets AND "kluis" NEAR(')).toBe('("fiets" OR "fietsb"* OR "fietse"*) AND ("and") AND ("kluis" OR "kluisr"*) AND ("near")');
    expect(ftsQuery(sqlite, ' "*: ')).toBeNull();
  });
});
