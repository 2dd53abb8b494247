/**
 * Where the workstation and the hub report what happened: facts only (event names, ids, counts, error kinds) —
 * never a request's params or body, a record's text or a token, because victims' personal data does not belong
 * in logs. `createJsonLogger` writes one JSON object per line (stderr in `hub serve` and `serve`).
 */
import type { Clock } from './clock';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Anything with a `write` of text: a Node stream, or a test's collector. */
export interface TextSink {
  write(text: string): unknown;
}

export function createJsonLogger(sink: TextSink, clock: Clock): Logger {
  const write = (level: string, event: string, fields: LogFields = {}) => {
    sink.write(`${JSON.stringify({ at: clock.now().toISOString(), level, event, ...fields })}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
