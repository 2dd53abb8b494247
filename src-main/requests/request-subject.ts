/** What a request is about: the indicator in canonical form, checked against the kind of request. */
import { REQUEST_KIND_OF_INDICATOR, type RequestKind } from '../../shared/requests/lifecycle';
import { AppError } from '../../shared/errors';
import type { CanonicalIndicator, IndicatorType } from '../../shared/indicators/types';
import { normalizeIndicator } from '../../shared/indicators/normalize';
import type { RouteSubject } from './addressee-route';

/** The canonical indicator for a type and value as typed; null when neither is given. */
export function canonicalIndicator(type: IndicatorType | null | undefined, value: string | null | undefined): CanonicalIndicator | null {
  if ((type ?? null) === null && (value ?? null) === null) return null;
  if (!type || !value) throw new AppError('BAD_INPUT', 'Give both the indicator type and its value, or neither.');
  const canonical = normalizeIndicator(type, value);
  if (!canonical) throw new AppError('BAD_INPUT', `"${value}" is not a valid ${type} indicator.`);
  return { type, value: canonical.value };
}

/** Every request but a prevention warning is about one indicator, of the type its kind acts on. */
export function requireFittingIndicator(kind: RequestKind, indicator: CanonicalIndicator | null): void {
  if (kind === 'prevention_warning') return;
  if (!indicator) throw new AppError('BAD_INPUT', `A ${kind} request needs an indicator.`);
  const expected = REQUEST_KIND_OF_INDICATOR[indicator.type];
  if (expected !== kind) throw new AppError('BAD_INPUT', `A ${indicator.type} leads to a ${expected} request, not a ${kind} request.`);
}

/** The route subject with the indicator's offline facts (bank code, country, kind of number, chain or tool). */
export function routeSubject(kind: RequestKind, indicator: CanonicalIndicator | null): RouteSubject {
  if (!indicator) return { kind, indicator: null };
  return { kind, indicator: { ...indicator, enrichment: normalizeIndicator(indicator.type, indicator.value)?.enrichment ?? null } };
}

/**
 * A batched letter's further indicators, canonical, each once and not the first one again: all of the first
 * one's type (one kind of request, one letter). Empty when there is no batch.
 */
export function canonicalBatch(first: CanonicalIndicator | null, batch: ReadonlyArray<{ type: IndicatorType; value: string }> | undefined): CanonicalIndicator[] {
  if (batch === undefined || batch.length === 0) return [];
  if (first === null) throw new AppError('BAD_INPUT', 'A batched letter is about indicators: give the first one as the indicator.');
  const seen = new Set([`${first.type}:${first.value}`]);
  const found: CanonicalIndicator[] = [];
  for (const entry of batch) {
    if (entry.type !== first.type) throw new AppError('BAD_INPUT', `A batched letter names indicators of one type: ${entry.value} is a ${entry.type}, not a ${first.type}.`);
    const indicator = canonicalIndicator(entry.type, entry.value)!;
    const key = `${indicator.type}:${indicator.value}`;
    if (!seen.has(key)) found.push(indicator);
    seen.add(key);
  }
  return found;
}
