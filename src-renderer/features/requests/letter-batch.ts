/**
 * One letter to one bank or operator about several accounts or numbers: the draft that names them all, or why the
 * chosen ones cannot be one letter. From indicators (what to stop first) or from concepts in the requests list.
 */
import type { RequestDraftQuery, RequestSummaryView } from '../../../shared/api/request-views';
import type { IndicatorType } from '../../../shared/indicators/types';
import { REQUEST_KIND_OF_INDICATOR, type RequestKind } from '../../../shared/requests/lifecycle';

export interface BatchIndicator {
  type: IndicatorType;
  value: string;
}

/** Why the chosen ones are not one letter: indicators of different kinds, concepts to different addressees, one indicator. */
export type BatchProblem = 'oneType' | 'oneAddressee' | 'oneIndicator';

/** `replaces`: the concepts the letter is made of, withdrawn when it is created. */
export type LetterBatch = { kind: RequestKind; query: RequestDraftQuery; replaces?: string[] } | { problem: BatchProblem };

export function batchOfIndicators(indicators: readonly BatchIndicator[]): LetterBatch {
  const [first, ...rest] = indicators;
  if (first === undefined || rest.length === 0) return { problem: 'oneIndicator' };
  if (!rest.every((entry) => entry.type === first.type)) return { problem: 'oneType' };
  return { kind: REQUEST_KIND_OF_INDICATOR[first.type], query: { indicatorType: first.type, indicatorValue: first.value, batch: rest.map(({ type, value }) => ({ type, value })) } };
}

/** A concept about accounts or numbers (not a warning, a case or a cluster) may join a batched letter. */
export const isBatchableConcept = (action: RequestSummaryView): boolean =>
  action.state === 'draft' && action.kind !== 'prevention_warning' && action.indicatorType !== null && action.indicatorValue !== null;

/** Every indicator the concepts name (a batched concept's all), each once, in the order chosen. */
function indicatorsOf(concepts: readonly RequestSummaryView[]): BatchIndicator[] {
  const seen = new Map<string, BatchIndicator>();
  for (const concept of concepts) {
    const own = concept.indicatorType === null || concept.indicatorValue === null ? [] : [{ type: concept.indicatorType, value: concept.indicatorValue }];
    for (const indicator of [...own, ...concept.batchIndicators]) seen.set(`${indicator.type}:${indicator.value}`, indicator);
  }
  return [...seen.values()];
}

export function batchOfConcepts(concepts: readonly RequestSummaryView[]): LetterBatch {
  const addressee = concepts[0]?.addresseeId ?? null;
  if (addressee === null || concepts.some((concept) => concept.addresseeId !== addressee)) return { problem: 'oneAddressee' };
  const batch = batchOfIndicators(indicatorsOf(concepts));
  return 'problem' in batch ? batch : { ...batch, replaces: concepts.map((concept) => concept.actionId) };
}
