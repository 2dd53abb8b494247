/**
 * The hub's log: one JSON object per line, on stderr in `hub serve`. Only facts about requests and the
 * service go in — never a request body, never a token: victims' personal data does not belong in logs.
 */
import type { Writable } from 'node:stream';
import type { Clock } from '../src-main/platform/clock';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface HubLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const silentLogger: HubLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createJsonLogger(stream: Writable, clock: Clock): HubLogger {
  const write = (level: string, event: string, fields: LogFields = {}) => {
    stream.write(`${JSON.stringify({ at: clock.now().toISOString(), level, event, ...fields })}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
