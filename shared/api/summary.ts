import type { IndicatorEnrichment, IndicatorType } from '../indicators/types';

/** The puzzle summary of one indicator (mirrors the store's IndicatorSummary, JSON-safe). */
export interface IndicatorSummaryView {
  type: IndicatorType;
  value: string;
  enrichment: IndicatorEnrichment | null;
  benignReason: string | null;
  reports: number;
  totalLossCents: number;
  firstSeen: string | null;
  lastSeen: string | null;
  categories: Record<string, number>;
  regions: Record<string, number>;
}
