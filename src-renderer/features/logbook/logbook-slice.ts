import type { ApiErrorBody } from '../../../shared/api/result';
import type { LogbookPage, LogbookQuery } from '../../../shared/api/views';
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
  /** The question the table answers, with the newest entry shown (`upToId`), so an export holds exactly the table. */
  logbookQuery: LogbookQuery | null;
  logbookPage: LogbookPage | null;
  logbookLoading: boolean;
  logbookError: ApiErrorBody | null;
  hubRefusals: HubRefusals | null;
  hubRefusalsError: ApiErrorBody | null;
  /** Asks the Logboek one question: a report's consultations, or one officer's in a period. */
  loadLogbook: (query: LogbookQuery) => Promise<void>;
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
  const loadLogbook = async (query: LogbookQuery) => {
    const { upToId: _shownBefore, ...asked } = query;
    // The same question asked again (after an export) keeps its entries on screen until the answer comes.
    const keep = sameQuestion(get().logbookQuery, asked) ? get().logbookPage : null;
    set({ logbookLoading: true, logbookQuery: asked, logbookPage: keep, logbookError: null });
    const result = await api.call('audit.logbook', asked);
    // A slower answer to an earlier question must not replace this one.
    if (get().logbookQuery !== asked) return;
    if (!result.ok) {
      set({ logbookLoading: false, logbookError: result.error });
      return;
    }
    const newest = result.value.entries[0]?.id;
    set({ logbookLoading: false, logbookPage: result.value, logbookQuery: newest === undefined ? asked : { ...asked, upToId: newest } });
  };

  return {
    logbookQuery: null,
    logbookPage: null,
    logbookLoading: false,
    logbookError: null,
    hubRefusals: null,
    hubRefusalsError: null,
    loadLogbook,

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
