import type { JsonValue, LiveValue, RegisterState } from '../registers';

/** Reads and writes one kind of synced entity in the live tables the rest of the app reads. */
export interface EntityAdapter {
  /** The register's value in the live tables now; kept as `base` before the first pending change of it. */
  read(entityId: string, field: string): LiveValue;
  /** Makes the live tables show these registers (the entity's resolved state). Idempotent. */
  write(entityId: string, fields: ReadonlyMap<string, RegisterState>): void;
}

export const NOTHING: LiveValue = { value: null, officer: null, at: null };

/** The value of a register that is present, or undefined when the entity has no such register yet. */
export function valueOf(fields: ReadonlyMap<string, RegisterState>, field: string): JsonValue | undefined {
  return fields.get(field)?.value;
}

export function textOrNull(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** Who to name when a register holds no author (a value from before sync); never empty. */
export const UNKNOWN_AUTHOR = 'unknown';
