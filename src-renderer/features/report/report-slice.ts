import type { ApiErrorBody } from '../../../shared/api/result';
import type { AuditEntryView, IndicatorMentionView, ReportDetail, RevisionView, SeenElsewhereView } from '../../../shared/api/views';
import type { RevealedReporter } from '../../../shared/api/views';
import { mayReadAudit } from '../../../shared/audit/readers';
import type { WorkStatus } from '../../../shared/mutations/kinds';
import { coalesce } from '../../state/coalesce';
import type { SliceCreator } from '../../state/slice';

export interface ReportSlice {
  report: ReportDetail | null;
  reportLoading: boolean;
  reportError: ApiErrorBody | null;
  revisions: RevisionView[] | null;
  /** The report's audit trail; read (and logged) only for officers who may read it (shared/audit/readers.ts). */
  audit: AuditEntryView[] | null;
  /** The reporter's personal data, only after an officer gave a reason; dropped when the report closes. */
  revealedReporter: RevealedReporter | null;
  /** The hub's "seen elsewhere" answer per indicator of the open report (key: seenElsewhereKey). */
  seenElsewhere: Record<string, SeenElsewhereView>;
  /** The report waiting for the officer's purpose before it opens, with the purpose to preselect. */
  reportPurposeAsked: { reportId: string; suggested: string | null } | null;
  /** The purpose the open report was opened under: its reloads are logged with it, and a reveal preselects it. */
  reportPurpose: string | null;
  /** Asks why the officer opens the report (offering their last purpose for it or its cases); it opens once they confirm. */
  loadReport: (reportId: string) => Promise<void>;
  /** Opens the asked report under this purpose; resolves false when it did not open. */
  openReportFor: (purpose: string) => Promise<boolean>;
  /** Reloads the open report (report.get records a view in the audit log, so not on every pushed event). */
  refreshOpenReport: () => Promise<void>;
  /** After a pushed change: reloads the open report only when a new revision of it arrived. */
  checkOpenReport: () => Promise<void>;
  closeReport: () => void;
  revealReporter: (reason: string) => Promise<boolean>;
  hideReporter: () => void;
  setReportWorkStatus: (status: WorkStatus) => Promise<void>;
  assignReport: (assignee: string | null) => Promise<void>;
}

export const seenElsewhereKey = (type: string, value: string) => `${type}\u0000${value}`;

export const createReportSlice: SliceCreator<ReportSlice> = (api) => (set, get) => {
  const openId = (): string | null => {
    const view = get().view;
    return view.screen === 'report' ? view.reportId : null;
  };

  /** The trail under the purpose the report is open with, for those who may read it; null for others (not asked). */
  const fetchAudit = async (reportId: string, purpose: string) =>
    mayReadAudit(get().session?.officer?.role) ? api.call('report.audit', { reportId, purpose }) : null;

  const fetchAll = async (reportId: string, purpose: string) => {
    const [report, revisions, audit] = await Promise.all([
      api.call('report.get', { reportId, purpose }),
      api.call('report.revisions', { reportId }),
      fetchAudit(reportId, purpose),
    ]);
    if (openId() !== reportId) return;
    if (!report.ok) return set({ reportError: report.error, reportLoading: false });
    void askSeenElsewhere(reportId, report.value.indicators);
    set({
      report: report.value,
      revisions: revisions.ok ? revisions.value : null,
      audit: audit?.ok ? audit.value : null,
      reportError: null,
      reportLoading: false,
    });
  };

  /** One question per linking indicator (benign ones never link, so their count would mean nothing). */
  const askSeenElsewhere = async (reportId: string, indicators: readonly IndicatorMentionView[]) => {
    const asked = new Map(indicators.filter((indicator) => !indicator.benignReason).map((indicator) => [seenElsewhereKey(indicator.type, indicator.value), indicator]));
    await Promise.all(
      [...asked].map(async ([key, { type, value }]) => {
        const answer = await api.call('indicator.seenElsewhere', { type, value });
        if (openId() !== reportId || !answer.ok) return;
        set({ seenElsewhere: { ...get().seenElsewhere, [key]: answer.value } });
      }),
    );
  };

  const afterChange = async () => {
    await get().refreshOpenReport();
    void get().refreshQueue();
  };

  return {
    report: null,
    reportLoading: false,
    reportError: null,
    revisions: null,
    audit: null,
    revealedReporter: null,
    seenElsewhere: {},
    reportPurposeAsked: null,
    reportPurpose: null,

    loadReport: async (reportId) => {
      set({ report: null, revisions: null, audit: null, revealedReporter: null, seenElsewhere: {}, reportLoading: true, reportError: null, reportPurpose: null, reportPurposeAsked: null });
      const suggested = await get().lastPurposeFor(reportId);
      if (openId() === reportId && get().reportPurpose === null) set({ reportPurposeAsked: { reportId, suggested } });
    },

    openReportFor: async (purpose) => {
      const reportId = get().reportPurposeAsked?.reportId;
      if (!reportId || openId() !== reportId) return false;
      set({ reportPurpose: purpose, reportPurposeAsked: null });
      void get().loadRelated(reportId);
      void get().loadNotes('report', reportId);
      void get().loadRouteExplanation(reportId);
      await fetchAll(reportId, purpose);
      return true;
    },

    refreshOpenReport: coalesce(async () => {
      const reportId = openId();
      const purpose = get().reportPurpose;
      if (reportId && purpose !== null) await fetchAll(reportId, purpose);
    }),

    checkOpenReport: coalesce(async () => {
      const reportId = openId();
      const current = get().report;
      if (!reportId || current?.reportId !== reportId) return;
      const revisions = await api.call('report.revisions', { reportId });
      if (!revisions.ok || openId() !== reportId) return;
      set({ revisions: revisions.value });
      const latest = revisions.value.reduce<RevisionView | null>((newest, revision) => (newest && newest.revision >= revision.revision ? newest : revision), null);
      const purpose = get().reportPurpose;
      if (latest && latest.revision !== current.revision && purpose !== null) await fetchAll(reportId, purpose);
    }),

    closeReport: () => {
      set({ report: null, revisions: null, audit: null, revealedReporter: null, seenElsewhere: {}, reportError: null, reportPurpose: null, reportPurposeAsked: null });
      get().clearCluster();
    },

    revealReporter: async (reason) => {
      const reportId = openId();
      if (!reportId) return false;
      const result = await api.call('report.revealReporter', { reportId, reason });
      if (!result.ok) {
        get().notifyError('revealFailed', result.error);
        return false;
      }
      if (openId() !== reportId) return false;
      set({ revealedReporter: result.value, reportPurpose: reason });
      // The reveal is itself an audit entry; show it.
      const audit = await fetchAudit(reportId, reason);
      if (audit?.ok && openId() === reportId) set({ audit: audit.value });
      return true;
    },

    hideReporter: () => set({ revealedReporter: null }),

    setReportWorkStatus: async (status) => {
      const reportId = openId();
      if (!reportId) return;
      const result = await api.call('report.setWorkStatus', { reportIds: [reportId], status });
      if (!result.ok) return get().notifyError('statusFailed', result.error);
      await afterChange();
    },

    assignReport: async (assignee) => {
      const reportId = openId();
      if (!reportId) return;
      const result = await api.call('report.assign', { reportIds: [reportId], assignee });
      if (!result.ok) return get().notifyError('assignFailed', result.error);
      await afterChange();
    },
  };
};
