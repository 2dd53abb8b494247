export interface NdjsonLine {
  /** 1-based line number in the source. */
  number: number;
  text: string;
  /** Set when the line was longer than the limit; its text is then cut off and must be rejected. */
  tooLong: boolean;
  /** Bytes the line took in the source, newline included (for progress). */
  bytes: number;
}

/** Far above any contract record (a narrative is at most 20,000 characters); protects memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * Splits a byte stream (a Node stream, or any async iterable of bytes or text) into lines in bounded memory: an
 * overlong line is cut, reported, and skipped over without holding it whole. Handles `\n` and `\r\n`. Used by the
 * workstation's import and the hub's intake alike.
 */
export async function* readNdjsonLines(source: AsyncIterable<Uint8Array | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<NdjsonLine> {
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  let pending = '';
  let pendingBytes = 0;
  let tooLong = false;
  let number = 0;
  let lineBytes = 0;

  const finish = (text: string, newline: boolean): NdjsonLine => {
    number += 1;
    const line = { number, text: text.endsWith('\r') ? text.slice(0, -1) : text, tooLong, bytes: lineBytes + (newline ? 1 : 0) };
    tooLong = false;
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
          pending += decoder.decode(bytes.subarray(start, end), { stream: newline === -1 });
          pendingBytes += end - start;
        }
      }
      if (newline === -1) break;
      yield finish(pending + decoder.decode(), true);
      pending = '';
      pendingBytes = 0;
      start = newline + 1;
    }
  }
  const rest = pending + decoder.decode();
  if (rest.length > 0 || tooLong) yield finish(rest, false);
}
