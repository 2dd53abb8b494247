/**
 * How `mentions.field` keeps the record field a mention came from: the fields extraction names
 * (shared/indicators/extract-record.ts) as a short code — `#n` for `incident.narrative`, `#p0` for
 * `suspect.phoneNumbers[0]` — any other path as itself. A path was ~19 bytes on every mention, a code 2–3: about
 * 100 bytes a report. Codes start with `#`, which no path extraction names does (and none may), so every path has
 * exactly one stored form and equal paths equal forms (the triggers on `mentions` compare them as stored). The
 * migration `*_mention_field_codes` writes the same codes in SQL and leaves codes as they are: change both together,
 * never a code's meaning.
 */

const SINGLE_FIELDS: Readonly<Record<string, string>> = {
  n: 'incident.narrative',
  s: 'incident.summary',
  r: 'remoteAccess',
  rc: 'ransomware.contact',
  rn: 'ransomware.ransomNote',
};

/** List fields by code: the path before and after the item's index. */
const LIST_FIELDS: Readonly<Record<string, readonly [before: string, after: string]>> = {
  p: ['suspect.phoneNumbers[', ']'],
  e: ['suspect.emailAddresses[', ']'],
  w: ['suspect.websites[', ']'],
  b: ['suspect.bankAccounts[', ']'],
  c: ['suspect.cryptoAddresses[', ']'],
  m: ['suspect.socialMedia[', ']'],
  o: ['suspect.other[', ']'],
  a: ['payments[', '].beneficiaryAccount'],
  f: ['payments[', '].reference'],
};

/** The codes of the fields on the suspect's side of a report: every `suspect.*` list and the payments' beneficiary accounts. */
export const SUSPECT_SIDE_LIST_CODES: readonly string[] = ['p', 'e', 'w', 'b', 'c', 'm', 'o', 'a'];

const codeOfSingle = new Map(Object.entries(SINGLE_FIELDS).map(([code, path]) => [path, code]));
/** LIST_FIELDS as entries, made once: encodeMentionField runs for every mention an import writes. */
const LIST_FIELD_ENTRIES = Object.entries(LIST_FIELDS);
const DIGITS = /^\d+$/;
const CODE = /^#([a-z]+)(\d*)$/;

/**
 * Stored forms already worked out, by path: an import's mentions name a few dozen paths over and over, and finding a
 * list path's code tries each list's prefix and suffix. Bounded, as a record may name any path (a long list's index).
 */
const encodedPaths = new Map<string, string>();
const MAX_ENCODED_PATHS = 1024;

/** The stored form of a mention's field path. */
export function encodeMentionField(path: string): string {
  const known = encodedPaths.get(path);
  if (known !== undefined) return known;
  const encoded = codeOfPath(path);
  if (encodedPaths.size < MAX_ENCODED_PATHS) encodedPaths.set(path, encoded);
  return encoded;
}

function codeOfPath(path: string): string {
  const single = codeOfSingle.get(path);
  if (single !== undefined) return `#${single}`;
  for (const [code, [before, after]] of LIST_FIELD_ENTRIES) {
    if (path.startsWith(before) && path.endsWith(after) && path.length > before.length + after.length) {
      const index = path.slice(before.length, path.length - after.length);
      if (DIGITS.test(index)) return `#${code}${index}`;
    }
  }
  if (path.startsWith('#')) throw new Error(`a mention's field path cannot start with #: ${path}`);
  return path;
}

/**
 * The field path a stored `mentions.field` (of the mentions row `mentionRowId`) stands for. A code this version does
 * not know (a store written by a newer version, or a damaged row) is read as it is stored, the way a path without a
 * code is, so that one such row does not take down the report page, related reports or a cluster's graph; the row id
 * goes out as a process warning for a maintainer — the stored text does not, as no row's text belongs in a log.
 */
export function decodeMentionField(stored: string, mentionRowId: number): string {
  if (!stored.startsWith('#')) return stored;
  const match = CODE.exec(stored);
  if (match) {
    const [, code, index] = match as unknown as [string, string, string];
    if (index === '') {
      const single = SINGLE_FIELDS[code];
      if (single !== undefined) return single;
    } else {
      const list = LIST_FIELDS[code];
      if (list !== undefined) return `${list[0]}${index}${list[1]}`;
    }
  }
  process.emitWarning(`mentions row ${mentionRowId} holds a field code this version does not know; it is shown as stored`, { code: UNKNOWN_MENTION_FIELD_WARNING });
  return stored;
}

export const UNKNOWN_MENTION_FIELD_WARNING = 'PUZZELSTUK_UNKNOWN_MENTION_FIELD';

/**
 * SQL true when the stored field `column` is on the suspect's side of a report (`suspect.*`, or a payment's
 * beneficiary account), coded or kept as a path.
 */
export function suspectSideFieldSql(column: string): string {
  return `(${column} GLOB '#[${SUSPECT_SIDE_LIST_CODES.join('')}][0-9]*' OR ${column} LIKE 'suspect.%' OR ${column} LIKE 'payments[%].beneficiaryAccount')`;
}

/** Orders decoded mentions by field path, as SQL's ORDER BY on the stored paths did before they were coded. */
export function byFieldPath(a: { field: string }, b: { field: string }): number {
  return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}
