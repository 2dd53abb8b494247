/**
 * How `report_revisions` keeps a revision's record as received: deflated in `packed` (with `raw` empty) — cut, without
 * the narrative its report row holds — or as JSON text in `raw` (redacted records, and every revision stored before
 * `packed` was). Either way the record reads back byte for byte as it arrived, unknown fields included. Read it
 * through `revisionText`, with the report row's narrative.
 *
 * Deflate against a preset dictionary of the intake contract's field names and values: those are some 40 % of a
 * record and occur once in it, so plain deflate could not shorten them. The dictionary and the window are small,
 * because setting up a compressor with a large dictionary cost ~300 µs a record; packing runs on the prepare
 * worker, beside the parsing and the extraction, not on the store's thread.
 */
import { constants, DeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The first byte of `packed`: how the rest was made. Formats are frozen, as stored records depend on every byte of them.
 * Format 1: the deflated text; cut, it takes back its report row's whole narrative. Format 2 (cut revisions since
 * session 14): the cut narrative's length (UTF-16 units, LEB128), then as format 1; it takes back that many characters
 * of its report row's narrative. A revision that only adds to the narrative (as amendments do) then leaves the cut
 * revisions before it as they are: rewritten whole, each left its old bytes empty in a full page (issue 13).
 */
const FORMAT_1 = 1;
const FORMAT_2 = 2;

/** Most frequent last: deflate reaches the dictionary's end with the shortest distances. */
const DICTIONARY_1 = Buffer.from(
  [
    '"ransomware":{"family":"","encryptedExtension":"","ransomNote":"","demand":{"amount":"","currency":"BTC"},"contact":""}',
    '"organisation":{"name":"","kvkNumber":""}',
    'Noord-Nederland Oost-Nederland Midden-Nederland Noord-Holland Amsterdam Den Haag Rotterdam Zeeland-West-Brabant Oost-Brabant Limburg',
    'ransomware helpdesk_fraud bank_helpdesk_fraud phishing whatsapp_fraud marketplace_fraud webshop_fraud investment_fraud romance_fraud sextortion identity_fraud hacking other',
    'phone_call sms whatsapp email website social_media in_person ideal crypto gift_card card cash TeamViewer QuickSupport RustDesk',
    '"status":"withdrawn","channel":"phone","kind":"melding","organisation","lastContactAt":"',
    '"remoteAccess":{"tool":"AnyDesk","id":""},"attachments":[{"fileName":".pdf","mediaType":"application/pdf","size":,"sha256":""},{"fileName":".png","mediaType":"image/png","size":',
    '"suspect":{"names":[""],"phoneNumbers":["+31 6 ","06-"],"emailAddresses":["@gmail.com"],"websites":["https://www."],"bankAccounts":["NL"],"cryptoAddresses":[],"socialMedia":["@"],"other":[]},',
    '"payments":[{"at":"2026-","amount":".00","currency":"EUR","method":"bank_transfer","beneficiaryName":"","beneficiaryAccount":"NL","reference":""}],',
    '"incident":{"summary":"","narrative":"Ik ","firstContactAt":"2026-","contactMethod":"phone_call"},',
    '"reporter":{"type":"person","name":"","birthDate":"19","email":"@gmail.com","phone":"06-","address":{"street":"straat","houseNumber":"","postalCode":"","city":""}},',
    '{"schema":"intake-report/1","reportId":"IA-2026-000","revision":1,"status":"filed","receivedAt":"2026-T:00Z","channel":"internet","kind":"aangifte","category":"","region":"',
  ].join(''),
  'utf8',
);

/**
 * A 4 KiB window holds the dictionary and most records whole; a small hash table is quick to set up. Level 6: 3 % fewer
 * bytes than level 1 for ~4 µs more a record (of ~50 µs, most of it setting up the compressor), and as small as 9
 * (the level is free to change, the window and the dictionary are not).
 */
const OPTIONS_1 = { dictionary: DICTIONARY_1, level: 6, windowBits: 12, memLevel: 6 } as const;

/**
 * Deflating, the output buffer is one of Buffer's pooled slices, not a fresh 16 KiB: a packed record is ~350 bytes
 * (825 the most of 20k generated), and a fresh 16 KiB a record was most of what the prepare worker's garbage
 * collector had to do. A larger output just takes more chunks; the bytes are the same for any chunk size.
 */
const DEFLATE_OPTIONS_1 = { ...OPTIONS_1, chunkSize: 1024 } as const;

/** Buffers the reused compressor keeps: a record's text fits (a narrative is at most 20,000 characters); a longer one gets its own. */
const KEPT_BUFFER_BYTES = 256 * 1024;

/** What a DeflateRaw stream holds of zlib's (Node's lib/zlib.js since v10: the engine's native handle and its counts). */
interface DeflateInternals {
  _handle?: {
    reset(): void;
    writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  };
  /** After a writeSync: the output bytes left free, and the input bytes left unread. */
  _writeState?: Uint32Array;
}

/**
 * One compressor for the thread, reset before each record, instead of a DeflateRaw stream set up and torn down for
 * each (deflateRawSync): a stream object and zlib's ~45 KB of state a record were a quarter of packing's CPU and much
 * of the prepare worker's garbage. Node offers no synchronous reuse, so this drives the stream's native handle as
 * deflateRawSync does (lib/zlib.js processChunkSync); a Node without it packs through deflateRawSync.
 *
 * The bytes can differ from a fresh compressor's (7 of 19,848 records of the bench's 20k file) and inflate to the same
 * text: at the end of the input zlib's match search may look past it into the window, which a fresh compressor has
 * zeroed and a reset one holds the previous record in; a longer match found there is cut to the input's end, in
 * place of an equally long one at another distance. Compressing 8 KiB of zeros first gives the fresh bytes again.
 */
function createReusedDeflate(): ((text: string) => Uint8Array) | null {
  const engine = new DeflateRaw(DEFLATE_OPTIONS_1) as DeflateRaw & DeflateInternals;
  const handle = engine._handle;
  const state = engine._writeState;
  if (typeof handle?.reset !== 'function' || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array)) return null;
  // zlib's errors destroy the stream at once and are emitted later: seen as `destroyed` below, not as unhandled.
  engine.on('error', () => {});
  const encoder = new TextEncoder();
  const keptInput = new Uint8Array(KEPT_BUFFER_BYTES);
  const keptOutput = new Uint8Array(KEPT_BUFFER_BYTES);
  return (text) => {
    // Room for the text's UTF-8 (at most 3 bytes a UTF-16 unit), and for more than zlib's bound on deflated bytes.
    const input = text.length * 3 <= keptInput.length ? keptInput : new Uint8Array(text.length * 3);
    const { written } = encoder.encodeInto(text, input);
    const room = written + (written >> 2) + 64;
    const output = room <= keptOutput.length ? keptOutput : new Uint8Array(room);
    handle.reset();
    handle.writeSync(constants.Z_FINISH, input, 0, written, output, 0, output.length);
    if (engine.destroyed) throw new Error('deflate failed packing a revision');
    // All read and room left over: the stream was finished, the whole deflated text is in `output`.
    if (state[1] !== 0 || state[0] === 0) throw new Error('packing a revision left deflate unfinished');
    return output.slice(0, output.length - state[0]!);
  };
}

let reusedDeflate: ((text: string) => Uint8Array) | null | undefined;

/** The text deflated with format 1's options. */
function deflateRevisionText(text: string): Uint8Array {
  reusedDeflate ??= createReusedDeflate();
  if (reusedDeflate === null) return deflateRawSync(text, DEFLATE_OPTIONS_1);
  try {
    return reusedDeflate(text);
  } catch (error) {
    // The next record gets a new compressor, not this one in whatever state it failed in.
    reusedDeflate = undefined;
    throw error;
  }
}

/** Whether this Node packs with one reused compressor (else with a fresh one a record, through deflateRawSync); for its test. */
export function packsWithReusedCompressor(): boolean {
  reusedDeflate ??= createReusedDeflate();
  return reusedDeflate !== null;
}

const LONE_SURROGATE = /\p{Cs}/u;

/** A record as received, ready for `report_revisions.packed` and `narrative_at`. */
export interface PackedRevision {
  /** Its own bytes; a view into the buffer of its batch once a prepare worker sent it (prepared-wire.ts). */
  packed: Uint8Array;
  /** Where `narrative` was cut out (a UTF-16 offset into the unpacked text), or null when the text is whole. */
  narrativeAt: number | null;
}

/**
 * Packs the record as received. With `narrative` (the report row's, when this revision is the report's current
 * one), that text's JSON string is cut out when found as such, and put back on reading from the report row: the
 * narrative, the longest text of a record, is then stored once. Whatever else the text holds stays as it is.
 */
export function packRevision(raw: string, narrative?: string | null): PackedRevision {
  // A lone surrogate would not survive the row's UTF-8: such a narrative is left in place.
  const quoted = narrative && !LONE_SURROGATE.test(narrative) ? JSON.stringify(narrative) : null;
  const at = quoted === null ? -1 : raw.indexOf(quoted);
  const text = at === -1 ? raw : raw.slice(0, at) + raw.slice(at + quoted!.length);
  const deflated = deflateRevisionText(text);
  const header = at === -1 ? [FORMAT_1] : [FORMAT_2, ...leb128(narrative!.length)];
  const packed = new Uint8Array(header.length + deflated.length);
  packed.set(header, 0);
  packed.set(deflated, header.length);
  return { packed, narrativeAt: at === -1 ? null : at };
}

function leb128(value: number): number[] {
  const bytes: number[] = [];
  do {
    const low = value & 0x7f;
    value = Math.floor(value / 0x80);
    bytes.push(value > 0 ? low | 0x80 : low);
  } while (value > 0);
  return bytes;
}

/** Where `packed`'s deflated text starts, and how much of its report row's narrative it takes back (null: all of it). */
function readHeader(packed: Uint8Array): { body: number; cutLength: number | null } {
  if (packed[0] === FORMAT_1) return { body: 1, cutLength: null };
  if (packed[0] !== FORMAT_2) throw new Error(`A stored revision is packed in an unknown format (${packed[0]}).`);
  let cutLength = 0;
  let body = 1;
  for (let scale = 1; ; scale *= 0x80) {
    const byte = packed[body++];
    if (byte === undefined) throw new Error('A stored revision is packed with its header cut short.');
    cutLength += (byte & 0x7f) * scale;
    if (byte < 0x80) return { body, cutLength };
  }
}

/** The narrative a cut revision takes back from its report row's `rowNarrative`; null when that is too short or gone. */
function narrativeTaken(cutLength: number | null, rowNarrative: string | null): string | null {
  if (rowNarrative === null || cutLength === null) return rowNarrative;
  return cutLength <= rowNarrative.length ? rowNarrative.slice(0, cutLength) : null;
}

/**
 * Whether a stored revision reads back as it does now once its report row's narrative changes from `before` to
 * `after`; if not, it must be stored whole first. Only a cut revision takes anything from the row.
 */
export function readsBackAfter(stored: Pick<StoredRevision, 'packed' | 'narrativeAt'>, before: string | null, after: string | null): boolean {
  if (stored.packed === null || stored.narrativeAt === null) return true;
  const { cutLength } = readHeader(stored.packed);
  const taken = narrativeTaken(cutLength, before);
  return taken !== null && narrativeTaken(cutLength, after) === taken;
}

/** The columns a stored revision is read from, with its report row's narrative. */
export interface StoredRevision {
  raw: string;
  packed: Uint8Array | null;
  narrativeAt: number | null;
  reportNarrative: string | null;
}

/** The record as received (or as redacted), exactly as the writer was given it. */
export function revisionText(stored: StoredRevision): string {
  const { packed, narrativeAt } = stored;
  if (packed === null) return stored.raw;
  const { body, cutLength } = readHeader(packed);
  const text = inflateRawSync(packed.subarray(body), OPTIONS_1).toString('utf8');
  if (narrativeAt === null) return text;
  const narrative = narrativeTaken(cutLength, stored.reportNarrative);
  if (narrative === null) throw new Error('A stored revision lacks the narrative its report row should hold.');
  return text.slice(0, narrativeAt) + JSON.stringify(narrative) + text.slice(narrativeAt);
}
