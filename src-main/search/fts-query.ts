import type Database from 'better-sqlite3';

/** More ways a word goes on than this, and it stays one prefix query. */
const MAX_CONTINUATIONS = 40;
/** Folded words the expansion is sure to spell as the index does; anything else stays a plain prefix query. */
const EXPANDABLE = /^[a-z0-9]+$/;

function nextCodePoint(char: string): string {
  return String.fromCodePoint(char.codePointAt(0)! + 1);
}

/**
 * The FTS5 query for the words a person typed (`searchWords`), or null when there are none. Every word is a
 * prefix, so partial words find something ("kluisrek" finds "kluisrekening"); the words hold only letters and
 * digits, so FTS5 syntax typed by a person (AND, NEAR, quotes, colons) is searched as plain words.
 *
 * Built to be cheap for the index to answer. FTS5 answers a prefix query by merging the whole index of
 * every word it begins before returning the first match: for "betaald"*, a word in one report in four, that is
 * tens of milliseconds at a million reports, where the word alone is found match by match, newest first, in one.
 * So each word becomes the word itself OR, for each character that continues it in the index's vocabulary, that
 * longer prefix ("fiets" OR "fietse"* …): the same matches, with the common word itself looked up directly.
 */
export function ftsQuery(sqlite: Database.Database, words: readonly string[]): string | null {
  let build = builders.get(sqlite);
  if (!build) {
    build = createFtsQueryBuilder(sqlite);
    builders.set(sqlite, build);
  }
  return build(words);
}

const builders = new WeakMap<Database.Database, (words: readonly string[]) => string | null>();

function createFtsQueryBuilder(sqlite: Database.Database): (words: readonly string[]) => string | null {
  sqlite.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.reports_fts_vocabulary USING fts5vocab(main, reports_fts, 'row')");
  const firstTermFrom = sqlite.prepare<[string], string>('SELECT term FROM temp.reports_fts_vocabulary WHERE term >= ? ORDER BY term LIMIT 1').pluck();

  /**
   * The word followed by each character that continues it among the index's words ("fietsb", "fietse" for
   * "fiets"); null when there are too many to be worth it.
   */
  function continuations(word: string): string[] | null {
    const prefixes: string[] = [];
    // Starts past the word itself. Terms compare as UTF-8 bytes, which order like code points: each step jumps
    // past every term that continues the word with the character just found.
    let from = `${word}\u0001`;
    for (let term = firstTermFrom.get(from); term !== undefined && term.startsWith(word); term = firstTermFrom.get(from)) {
      const next = String.fromCodePoint(term.codePointAt(word.length)!);
      if (prefixes.length === MAX_CONTINUATIONS) return null;
      prefixes.push(word + next);
      from = word + nextCodePoint(next);
    }
    return prefixes;
  }

  function wordQuery(word: string): string {
    const longer = EXPANDABLE.test(word) ? continuations(word) : null;
    if (longer === null) return `"${word}"*`;
    return `(${[`"${word}"`, ...longer.map((prefix) => `"${prefix}"*`)].join(' OR ')})`;
  }

  return (words) => (words.length === 0 ? null : words.map(wordQuery).join(' AND '));
}
