import type { SearchRequest } from '../../src-main/search/search-reports';

/** The searches the core bench times at each size (each 20 times, limit 50), and whose answers search-answers.ts dumps. */
export const SEARCH_MIX: readonly Omit<SearchRequest, 'limit' | 'offset'>[] = [
  { query: 'kluisrekening' },
  { query: 'marktplaats' },
  { query: 'anydesk' },
  { query: 'verific' },
  { query: 'fiets betaald' },
  { query: 'bitcoin', filters: { categories: ['investment_fraud', 'ransomware'] } },
  { query: 'whatsapp dochter', filters: { hasLoss: true } },
  { query: 'pakket', filters: { regions: ['Amsterdam'] } },
  { query: 'microsoft', filters: { receivedFrom: '2026-01-01', receivedTo: '2026-12-31' } },
  { query: 'losgeld' },
];
