/**
 * The one contract between renderer and main process. Every call is a key here; the main process serves
 * them with a handler map checked exhaustive with `satisfies ApiHandlers`. Transports (Electron IPC,
 * HTTP+WebSocket in browser mode) carry `{ method, params }` and answer with an ApiResult envelope.
 */
import type { TransitionInput } from '../requests/lifecycle';
import type { DirectoryEntry, DirectoryEntryView } from '../requests/directory';
import type { RouteExplanation, RoutePriority, RoutingRule, RoutingRuleView } from '../routing/rules';
import type { RequestDetail, RequestDraftQuery, RequestDraftView, RequestExport, RequestQuery, RequestSummaryView, WarningDocument, WarningFormat } from './request-views';
import type { IndicatorSummaryView } from './summary';
import type {
  AuditEntryView,
  BenignEntryView,
  CaseDetail,
  CaseSummaryView,
  ClusterGraph,
  IndicatorQuery,
  IndicatorRow,
  LogbookPage,
  LogbookQuery,
  NoteView,
  OfficerView,
  QueuePage,
  QueueQuery,
  QueueRow,
  RelatedReportView,
  ReportDetail,
  RevealedReporter,
  RevisionView,
  SessionView,
  SeenElsewhereView,
  SettingsView,
  SyncConflictView,
  SyncStateView,
} from './views';
import type { IndicatorType } from '../indicators/types';
import type { AuditRefusal, RefusedChange } from '../hub/protocol';
import type { CaseStatus, LinkDecision, MutationPayloads, WorkStatus } from '../mutations/kinds';
import type { Overview, OverviewSettings } from '../overview/types';
import type { ApiResult } from './result';
import type { StartState } from './start-state';

type Method<P, R> = { params: P; result: R };
type NoParams = Record<string, never>;

export interface ApiMethods {
  'session.get': Method<NoParams, SessionView>;
  /**
   * Signs this workstation in as an officer: in the demo one of the demo officers (no credential); with a real
   * hub the officer's credential, which the hub checks. Every later change is made in their name.
   */
  'session.signIn': Method<{ officerId: string; credential?: string }, SessionView>;
  /** Nobody is signed in afterwards: officer-bound calls are refused until someone signs in; unsent changes stay. */
  'session.signOut': Method<NoParams, SessionView>;
  /**
   * The window has drawn the workstation of the officer who just signed in (with a credential or a police account):
   * the station's first sync, held since their click so the sign-in and that first frame had the machine's cores,
   * goes on (it goes on by itself shortly after sign-in if no window says so).
   */
  'session.drawn': Method<NoParams, null>;
  /** Whether officers of this workstation's hub may sign in with a police account (the force's identity provider). */
  'session.oidcOffer': Method<NoParams, { offered: boolean }>;
  /**
   * Starts signing in with a police account and gives the URL to sign in at: the desktop has opened it in the
   * system browser (`openedInBrowser`), otherwise the page opens it. Everything secret of the flow stays in the core.
   * With `officerId` (the officer at the screen signing in again) a police account of anyone else is refused.
   */
  'session.oidcStart': Method<{ officerId?: string }, { authorizationUrl: string; openedInBrowser: boolean }>;
  /** Waits until that sign-in has ended: signed in (every window also hears `work.changed`), or why not. */
  'session.oidcFinish': Method<NoParams, SessionView>;
  /** Locks the screen (the idle time passed, or the officer steps away): officer-bound calls are refused until unlocked. */
  'session.lock': Method<NoParams, SessionView>;
  /**
   * Unlocks for the officer who locked it, with their credential checked as at sign-in, or — an officer who signed in
   * with their police account — their offline code, online too (another officer signs in instead).
   */
  'session.unlock': Method<{ credential?: string }, SessionView>;
  /**
   * Right after signing in with a police account (the session view's `offlineCode` says so): sets the officer's
   * offline code, or confirms the one they set before (`replace: false`), with which they sign in and unlock while
   * the hub cannot be reached and unlock without the identity provider. Refused at any other time.
   */
  'session.setOfflineCode': Method<{ code: string; replace: boolean }, SessionView>;
  /** The officer used keyboard or mouse (sent at most every 30 s): the core's own idle lock counts from the last. */
  'session.activity': Method<NoParams, null>;
  'officers.list': Method<NoParams, OfficerView[]>;

  'queue.list': Method<QueueQuery, QueuePage>;
  /**
   * What the first screen shows, in one call: each part answered exactly as its own call would be (browser mode speaks
   * HTTP/1.1, six connections, and each call is a round trip through the relay to the core's thread).
   */
  'app.firstScreen': Method<{ queue: QueueQuery }, FirstScreenView>;
  /** How far the core is in starting (the start screen); answered by the host while the core opens the store. */
  'app.startState': Method<NoParams, StartState>;
  'queue.regions': Method<NoParams, string[]>;

  /** The report; its opening is written to the audit log with the purpose the officer works under (required). */
  'report.get': Method<{ reportId: string; purpose: string }, ReportDetail>;
  /** Shows the reporter's personal data; the reason is the purpose written to the audit log. */
  'report.revealReporter': Method<{ reportId: string; reason: string }, RevealedReporter>;
  'report.revisions': Method<{ reportId: string }, RevisionView[]>;
  /** Supervisors: who did what with the report; the reading is written to the audit log with its purpose (required). */
  'report.audit': Method<{ reportId: string; purpose: string }, AuditEntryView[]>;
  'report.related': Method<{ reportId: string }, RelatedReportView[]>;
  'report.setWorkStatus': Method<{ reportIds: string[]; status: WorkStatus }, { changed: number }>;
  'report.assign': Method<{ reportIds: string[]; assignee: string | null }, { changed: number }>;

  'indicator.list': Method<IndicatorQuery, { rows: IndicatorRow[]; total: number }>;
  'indicator.summary': Method<{ type: IndicatorType; value: string }, IndicatorSummaryView>;
  'indicator.reports': Method<{ type: IndicatorType; value: string }, QueueRow[]>;
  /** Asks the hub how many live reports outside this workstation's scope mention the indicator (counts only; logged there). */
  'indicator.seenElsewhere': Method<{ type: IndicatorType; value: string }, SeenElsewhereView>;

  'cluster.graph': Method<{ reportId: string }, ClusterGraph>;
  'link.decide': Method<{ reportA: string; reportB: string; decision: LinkDecision; reason: string }, null>;

  'case.list': Method<{ statuses?: CaseStatus[] }, CaseSummaryView[]>;
  'case.get': Method<{ caseId: string }, CaseDetail>;
  /** From a selection of reports, or from the whole cluster of one report. */
  'case.create': Method<{ title: string; reportIds: string[]; team?: string | null; owner?: string | null }, { caseId: string }>;
  'case.update': Method<
    { caseId: string; title?: string; owner?: string | null; team?: string | null; status?: CaseStatus; closeReason?: string | null },
    null
  >;
  'case.addReports': Method<{ caseId: string; reportIds: string[] }, null>;
  'case.removeReports': Method<{ caseId: string; reportIds: string[] }, null>;

  'note.list': Method<{ subjectType: 'report' | 'case' | 'action'; subjectId: string }, NoteView[]>;
  'note.add': Method<{ subjectType: 'report' | 'case' | 'action'; subjectId: string; body: string }, { noteId: string }>;

  'sync.state': Method<NoParams, SyncStateView>;
  'sync.conflicts': Method<NoParams, SyncConflictView[]>;
  /** The officer has read an "overridden" notice; it leaves the list (and the count). */
  'sync.dismissConflict': Method<{ id: number }, null>;
  /**
   * Supervisors: changes the hub refused because their officer had been deactivated meanwhile (offline work that
   * arrived later), so none is lost unseen; `reachable` false when the hub could not be asked.
   */
  'sync.refusedChanges': Method<NoParams, { reachable: boolean; refused: RefusedChange[] }>;

  'settings.get': Method<NoParams, SettingsView>;
  'settings.set': Method<{ hubUrl?: string | null; hubToken?: string | null; hubCaFile?: string | null; language?: 'nl' | 'en'; scope?: string; idleLockMinutes?: number }, SettingsView>;

  'benign.list': Method<NoParams, BenignEntryView[]>;
  'benign.add': Method<{ type: IndicatorType; value: string; reason: string }, BenignEntryView>;
  'benign.remove': Method<{ type: IndicatorType; value: string }, null>;

  /** A proposed request: addressee, bundle and default texts, from an indicator, a case or a cluster. */
  'request.draft': Method<RequestDraftQuery, RequestDraftView>;
  /**
   * With the reporters' data included, `purpose` is required (it is logged with the request). `replaces`: the drafts
   * this (batched) letter replaces, withdrawn in the same transaction — each the officer's own or, for a supervisor,
   * anyone's, and about indicators the letter names.
   */
  'request.create': Method<Omit<MutationPayloads['action.create'], 'actionId' | 'reportIds'> & { reportIds: string[]; purpose?: string; replaces?: string[] }, { actionId: string }>;
  'request.list': Method<RequestQuery, RequestSummaryView[]>;
  /** The reporters' data a request includes is shown (and logged) only with a purpose; without one it is withheld. */
  'request.get': Method<{ actionId: string; purpose?: string }, RequestDetail>;
  /** Including the reporters' data (`includePersonalData: true`) requires `purpose`, logged with the change. */
  'request.edit': Method<MutationPayloads['action.edit'] & { purpose?: string }, null>;
  /** Adds the live reports that mention the indicator but are not in the bundle yet. */
  'request.updateReports': Method<{ actionId: string }, { added: number }>;
  /** Details the step does not need may be left out (see shared/requests/lifecycle.ts). */
  'request.transition': Method<{ actionId: string } & TransitionInput & { reference?: string | null }, null>;
  /** The Dutch request letter as a PDF (base64); an export, so under a purpose the audit log keeps. */
  'request.letter': Method<{ actionId: string; purpose: string }, { fileName: string; contentBase64: string }>;
  /** The machine-readable export; under a purpose the audit log keeps. */
  'request.export': Method<{ actionId: string; purpose: string }, { fileName: string; document: RequestExport }>;
  /** A prevention warning for the public, as text, HTML or PDF (from its approved text, never its bundle). */
  'request.warningDocument': Method<{ actionId: string; format: WarningFormat }, WarningDocument>;

  'directory.list': Method<NoParams, DirectoryEntryView[]>;
  /** Supervisors only. Without an id a new entry is made. */
  'directory.put': Method<{ entryId?: string; entry: DirectoryEntry }, DirectoryEntryView>;
  'directory.remove': Method<{ entryId: string }, null>;

  'routing.rules': Method<NoParams, RoutingRuleView[]>;
  /** Supervisors only. Without an id a new rule is made. */
  'routing.putRule': Method<{ ruleId?: string; rule: RoutingRule }, RoutingRuleView>;
  'routing.removeRule': Method<{ ruleId: string }, null>;
  /** Why the report is where it is, and where the rules would put it now. */
  'routing.explain': Method<{ reportId: string }, { current: RouteExplanation | null; byRules: RouteExplanation }>;
  /** Supervisors: route reports by the rules now (e.g. the backlog, or after changing the rules). */
  'routing.apply': Method<{ reportIds: string[] }, { changed: number }>;
  /** Supervisors: put reports in a team (and with an officer) by hand, with a reason. */
  'report.reroute': Method<{ reportIds: string[]; team: string | null; priority: RoutePriority; assignee: string | null; reason: string }, { changed: number }>;

  /** The Overzicht as of a day (default today): supervisors see every team, officers their own team's. */
  'overview.get': Method<{ asOf?: string }, Overview>;
  /** Service levels, spike threshold and windows the overview judges by (this workstation's store). */
  'overview.settings': Method<Record<string, never>, OverviewSettings>;
  /** A supervisor replaces them; a bad value is refused with what is wrong. */
  'overview.setSettings': Method<{ settings: OverviewSettings }, OverviewSettings>;

  /** The short list of purposes officers choose from (written ones are allowed too). */
  'audit.purposes': Method<NoParams, { purposes: string[] }>;
  /** Supervisors replace the list. */
  'audit.setPurposes': Method<{ purposes: string[] }, { purposes: string[] }>;
  /** The purpose the signed-in officer last gave for this report or another report of its cases (null: none yet). */
  'audit.lastPurpose': Method<{ reportId: string }, { purpose: string | null }>;
  /**
   * Supervisors (and the privacy officer): the Logboek — who consulted a report and why, or all one officer did in a
   * period — over every workstation's log on the hub, a page at a time (`after`: the page before's `next`); only this
   * workstation's log when the hub cannot be asked.
   */
  'audit.logbook': Method<LogbookQuery & { after?: string }, LogbookPage>;
  /** The same entries as CSV (for a data-subject request or an internal audit); the export is itself logged, with its purpose. */
  'audit.exportCsv': Method<LogbookQuery & { purpose: string }, { fileName: string; csv: string }>;
  /** Supervisors: audit logs of workstations the hub refused (a fork or a gap); `reachable` false when the hub could not be asked. */
  'audit.refusals': Method<NoParams, { reachable: boolean; refusals: AuditRefusal[] }>;
}

export type ApiMethod = keyof ApiMethods;
export type ApiParams<M extends ApiMethod> = ApiMethods[M]['params'];
export type ApiValue<M extends ApiMethod> = ApiMethods[M]['result'];

/** The calls `app.firstScreen` answers together; all but the queue's take no params. */
export const FIRST_SCREEN_METHODS = ['queue.list', 'session.get', 'officers.list', 'settings.get', 'sync.state', 'queue.regions', 'case.list'] as const;
export type FirstScreenMethod = (typeof FIRST_SCREEN_METHODS)[number];
/** Each part's own envelope: one refused (nobody signed in) leaves the others answered. */
export type FirstScreenView = { [M in FirstScreenMethod]: ApiResult<ApiValue<M>> };

/** Events pushed from main to renderer. */
export interface ApiEvents {
  /** Reports arrived or changed (sync, import); the queue refreshes. */
  'reports.changed': { count: number };
  /** Cases, notes, decisions or statuses changed (locally or from the hub). */
  'work.changed': { entities: Array<'report' | 'case' | 'note' | 'link' | 'benign' | 'action' | 'directory' | 'routing' | 'officer'> };
  'sync.state': SyncStateView;
  /** The workstation core stopped unexpectedly and runs again; calls in flight were answered UNAVAILABLE. */
  'core.restarted': { at: string };
  /** The core's start moved on (a step of the store's upgrade, ready, failed): the start screen follows. */
  'app.startState': StartState;
  /** The screen was locked (by a window, or by the core after the idle time) or unlocked: every window follows. */
  'session.locked': { locked: boolean };
}
export type ApiEvent = keyof ApiEvents;

/** The main-process implementation; `satisfies ApiHandlers` makes a missing method a compile error. */
export type ApiHandlers<Context> = {
  [M in ApiMethod]: (params: ApiParams<M>, context: Context) => ApiValue<M> | Promise<ApiValue<M>>;
};

/** What the renderer calls, whichever transport is underneath. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<ApiValue<M>>>;
  subscribe<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** The one object the Electron preload exposes as `window.puzzelstuk`. */
export interface PreloadBridge {
  call(method: string, params: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export const API_METHODS = [
  'session.get',
  'session.signIn',
  'session.signOut',
  'session.drawn',
  'session.oidcOffer',
  'session.oidcStart',
  'session.oidcFinish',
  'session.lock',
  'session.unlock',
  'session.setOfflineCode',
  'session.activity',
  'officers.list',
  'queue.list',
  'app.firstScreen',
  'app.startState',
  'queue.regions',
  'report.get',
  'report.revealReporter',
  'report.revisions',
  'report.audit',
  'report.related',
  'report.setWorkStatus',
  'report.assign',
  'indicator.list',
  'indicator.summary',
  'indicator.reports',
  'indicator.seenElsewhere',
  'cluster.graph',
  'link.decide',
  'case.list',
  'case.get',
  'case.create',
  'case.update',
  'case.addReports',
  'case.removeReports',
  'note.list',
  'note.add',
  'sync.state',
  'sync.conflicts',
  'sync.dismissConflict',
  'sync.refusedChanges',
  'settings.get',
  'settings.set',
  'benign.list',
  'benign.add',
  'benign.remove',
  'request.draft',
  'request.create',
  'request.list',
  'request.get',
  'request.edit',
  'request.updateReports',
  'request.transition',
  'request.letter',
  'request.export',
  'request.warningDocument',
  'directory.list',
  'directory.put',
  'directory.remove',
  'routing.rules',
  'routing.putRule',
  'routing.removeRule',
  'routing.explain',
  'routing.apply',
  'report.reroute',
  'overview.get',
  'overview.settings',
  'overview.setSettings',
  'audit.purposes',
  'audit.setPurposes',
  'audit.lastPurpose',
  'audit.logbook',
  'audit.exportCsv',
  'audit.refusals',
] as const satisfies readonly ApiMethod[];

/** Compile-time check that API_METHODS lists every method (used by transports to reject unknown names). */
type MissingFromList = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: MissingFromList extends never ? true : never = true;
