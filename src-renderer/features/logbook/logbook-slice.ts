import type { ApiErrorBody } from '../../../shared/api/result';
import { logbookQuestion, type LogbookPage, type LogbookQuery } from '../../../shared/api/views';
import type { AuditRefusal, RefusedChange } from '../../../shared/hub/protocol';
import type { SliceCreator } from '../../state/slice';

/** What the hub refused, as supervisors see it; null until asked. */
export interface HubRefusals {
  /** Changes refused because their officer had been deactivated meanwhile. */
  changes: { reachable: boolean; refused: RefusedChange[] };
  /** Workstations' audit logs refused because they forked or left a gap. */
  auditLogs: { reachable: boolean; refusals: AuditRefusal[] };
}

export interface LogbookSlice {
  /** The question the table answers, with its snapshot once answered (LogbookPage.query), so an export holds exactly the table. */
  logbookQuery: LogbookQuery | null;
  /** The answer so far: its first page and those loaded after it as the supervisor scrolled. */
  logbookPage: LogbookPage | null;
  logbookLoading: boolean;
  /** A next page is being asked for. */
  logbookLoadingMore: boolean;
  logbookError: ApiErrorBody | null;
  hubRefusals: HubRefusals | null;
  hubRefusalsError: ApiErrorBody | null;
  /** Asks the Logboek one question: a report's consultations, or one officer's in a period. */
  loadLogbook: (query: LogbookQuery) => Promise<void>;
  /** The next page of the answer shown (nothing when all is shown or one is being asked for). */
  loadMoreLogbook: () => Promise<void>;
  /**
   * The entries shown as CSV, under the purpose the supervisor gives (null when refused). The export is itself
   * logged, so the table is asked again afterwards and shows it when it answers the same question.
   */
  exportLogbook: (purpose: string) => Promise<{ fileName: string; csv: string } | null>;
  loadHubRefusals: () => Promise<void>;
}

const sameQuestion = (shown: LogbookQuery | null, asked: LogbookQuery): boolean =>
  shown !== null && shown.reportId === asked.reportId && shown.officer === asked.officer && shown.from === asked.from && shown.to === asked.to;

export const createLogbookSlice: SliceCreator<LogbookSlice> = (api) => (set, get) => {
  /** The question asked last: answers to an earlier one are dropped. */
  let asking: LogbookQuery | null = null;

  const loadLogbook = async (query: LogbookQuery) => {
    const asked = logbookQuestion(query);
    asking = asked;
    // The same question asked again (after an export) keeps its entries on screen until the answer comes.
    const keep = sameQuestion(get().logbookQuery, asked) ? get().logbookPage : null;
    set({ logbookLoading: true, logbookLoadingMore: false, logbookQuery: asked, logbookPage: keep, logbookError: null });
    const result = await api.call('audit.logbook', asked);
    if (asking !== asked) return;
    if (!result.ok) {
      set({ logbookLoading: false, logbookError: result.error });
      return;
    }
    set({ logbookLoading: false, logbookPage: result.value, logbookQuery: result.value.query });
  };

  const loadMoreLogbook = async () => {
    const { logbookPage: page, logbookQuery: query, logbookLoading, logbookLoadingMore } = get();
    if (page === null || page.next === null || query === null || logbookLoading || logbookLoadingMore) return;
    const shown = asking;
    set({ logbookLoadingMore: true });
    const result = await api.call('audit.logbook', { ...query, after: page.next });
    if (asking !== shown || get().logbookPage !== page) return;
    if (!result.ok) {
      set({ logbookLoadingMore: false, logbookError: result.error });
      return;
    }
    set({ logbookLoadingMore: false, logbookPage: { ...page, entries: [...page.entries, ...result.value.entries], next: result.value.next } });
  };

  return {
    logbookQuery: null,
    logbookPage: null,
    logbookLoading: false,
    logbookLoadingMore: false,
    logbookError: null,
    hubRefusals: null,
    hubRefusalsError: null,
    loadLogbook,
    loadMoreLogbook,

    exportLogbook: async (purpose) => {
      const query = get().logbookQuery;
      if (query === null) return null;
      const result = await api.call('audit.exportCsv', { ...query, purpose });
      if (!result.ok) {
        get().notifyError('logbookExportFailed', result.error);
        return null;
      }
      void loadLogbook(query);
      return result.value;
    },

    loadHubRefusals: async () => {
      const [changes, auditLogs] = await Promise.all([api.call('sync.refusedChanges', {}), api.call('audit.refusals', {})]);
      if (!changes.ok) set({ hubRefusalsError: changes.error });
      else if (!auditLogs.ok) set({ hubRefusalsError: auditLogs.error });
      else set({ hubRefusals: { changes: changes.value, auditLogs: auditLogs.value }, hubRefusalsError: null });
    },
  };
};
