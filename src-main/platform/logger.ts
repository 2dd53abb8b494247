/**
 * Where the main process reports what happened. Facts only (event names, ids, counts, error kinds): never a
 * request's params or a record's text, because victims' personal data does not belong in logs.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}
