export interface NdjsonLine {
  /** 1-based line number in the source. */
  number: number;
  text: string;
  /** Set when the line was longer than the limit; its text is then cut off and must be rejected. */
  tooLong: boolean;
  /** Set when the line's bytes are not valid UTF-8; its text is then empty and it must be rejected (never repaired). */
  invalidUtf8?: boolean;
  /** Bytes the line took in the source, newline included (for progress). */
  bytes: number;
}

/** Why a line that could not be read as text is rejected (the same words for the import and the hub's intake). */
export function unreadableLineReason(line: NdjsonLine): string | null {
  if (line.tooLong) return 'the line is longer than 4 MB; a record is never that large';
  if (line.invalidUtf8) return 'the line is not valid UTF-8 text (it holds bytes of another encoding)';
  return null;
}

/** Far above any contract record (a narrative is at most 20,000 characters); protects memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * Splits a byte stream (a Node stream, or any async iterable of bytes or text) into lines in bounded memory: an
 * overlong line is cut, reported, and skipped over without holding it whole. Handles `\n` and `\r\n`. Used by the
 * workstation's import and the hub's intake alike.
 */
export async function* readNdjsonLines(source: AsyncIterable<Uint8Array | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<NdjsonLine> {
  // Fatal: a byte that is not UTF-8 rejects its line instead of becoming U+FFFD in a stored record.
  let decoder = new TextDecoder('utf-8', { fatal: true });
  const encoder = new TextEncoder();
  let pending = '';
  let pendingBytes = 0;
  let tooLong = false;
  let invalidUtf8 = false;
  let number = 0;
  let lineBytes = 0;

  /** Decodes bytes of the current line; after a bad byte the rest of the line is skipped. */
  const decode = (bytes?: Uint8Array, stream = false): string => {
    if (invalidUtf8) return '';
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      invalidUtf8 = true;
      pending = '';
      decoder = new TextDecoder('utf-8', { fatal: true });
      return '';
    }
  };

  const finish = (text: string, newline: boolean): NdjsonLine => {
    number += 1;
    const line: NdjsonLine = { number, text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLong, bytes: lineBytes + (newline ? 1 : 0) };
    if (invalidUtf8 && !tooLong) {
      line.invalidUtf8 = true;
      line.text = '';
    }
    tooLong = false;
    invalidUtf8 = false;
    lineBytes = 0;
    return line;
  };

  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      lineBytes += end - start;
      if (!tooLong) {
        if (pendingBytes + (end - start) > maxLineBytes) {
          tooLong = true;
          pending = '';
          pendingBytes = 0;
        } else {
          pending += decode(bytes.subarray(start, end), newline === -1);
          pendingBytes += end - start;
        }
      }
      if (newline === -1) break;
      const tail = decode();
      yield finish(pending + tail, true);
      pending = '';
      pendingBytes = 0;
      start = newline + 1;
    }
  }
  const tail = decode();
  const rest = pending + tail;
  if (rest.length > 0 || tooLong || invalidUtf8) yield finish(rest, false);
}
