import type { IndicatorEnrichment } from '../types';

/** What every normalizer returns for a valid indicator: the canonical value of the contract, plus offline facts. */
export interface Normalized {
  readonly value: string;
  readonly enrichment?: IndicatorEnrichment;
}

/** Results are shared through the memo caches, so they are frozen: a caller can never change another's copy. */
export function normalized(value: string, enrichment?: IndicatorEnrichment): Normalized {
  return enrichment ? Object.freeze({ value, enrichment: Object.freeze(enrichment) }) : Object.freeze({ value });
}
