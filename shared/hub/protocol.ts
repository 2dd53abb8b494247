/**
 * The wire protocol between workstations, the portal and the hub (`/v1`). JSON only; bigint sequence
 * numbers travel as decimal strings. Errors are `{ error: { code, message } }` with an HTTP status.
 */
import type { AuditPushProof, ChainedContent, ChainEntry } from '../audit/chain';
import type { OfficerRole } from '../requests/lifecycle';
import type { ErrorCode } from '../errors';
import type { SignedMutation } from '../mutations/proof';
import type { IndicatorType } from '../indicators/types';
import type { RetentionPeriods } from '../retention/periods';

export const HUB_API_PREFIX = '/v1';

export const HUB_ROLES = ['intake', 'workstation'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

/** Same shape as the CLI `import` summary. */
export interface IntakeSummary {
  read: number;
  imported: number;
  updated: number;
  ignored: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** A cursor is opaque to clients: pass back what the previous page returned. `"0"` starts at the beginning. */
export type FeedCursor = string;

export type FeedEntry =
  | {
      seq: string;
      type: 'report';
      reportId: string;
      revision: number;
      /** The revision's record exactly as received (redacted once the report is withdrawn). */
      record: string;
    }
  | {
      seq: string;
      type: 'mutation';
      /** As its officer signed it, perhaps in an older version's words (shared/mutations/upcast.ts). */
      mutation: SignedMutation;
    };

/**
 * `GET /v1/feed` query parameters (all optional):
 * - `after`: a cursor from a previous page; `0` (the default) reads from the beginning. A cursor is an entry's
 *   seq: the page holds the entries above it, so a client may also ask from just below an entry it has seen (its
 *   seq − 1) to read it again — a workstation does after an upgrade, for the entries its older release could not read.
 * - `limit`: entries per page, 1..`FEED_LIMITS.maxLimit` (default `FEED_LIMITS.defaultLimit`).
 * - `scope`: `*` or regions separated by commas; defaults to the token's scope (an officer's credential: the
 *   officer's scope in the registry), may only narrow it (403 otherwise). What a regional scope receives:
 *   - reports: those that named one of its regions (in any revision); reports without region only reach `*`.
 *     A revision stored before its report named a region is announced again to that region, so a
 *     `(reportId, revision)` may reach a regional scope twice; applying it twice changes nothing.
 *   - directory, routing rules, benign list (`directory.*`, `routing.*`, `benign.*`): every scope.
 *   - work on a report (`report.*`, `note.add` on a report): the scopes that hold that report; `link.decide`:
 *     the scopes that hold either report of the pair.
 *   - a case or a request (`case.create`, `case.update`, `action.*`, and notes on them): the scopes that hold
 *     any report the case or request ever held. Such a mutation reaches each of those scopes with the report ids
 *     it does not hold left out: `reportIds` lists only the scope's own reports (possibly none, for a case
 *     created before it took in one of them) and an out-of-scope `clusterReportId` is null. What the officer
 *     wrote travels as written — a case's title, a request's title, indicator (the IBAN, number or site its
 *     reports share, which the scope's own reports mention too), letter text and notes — because it is the work
 *     on a case or request the scope shares.
 *   - `case.addReports` / `case.removeReports`: the scopes that hold one of the named reports, with the others
 *     left out.
 *   When a case or request takes in a report of a new region, or a report names a new region in a later
 *   revision, the work on it so far is announced again to that region alone (after the report's revisions), in
 *   hub order; a mutation reaches a region once. Scope `*` receives everything once and skips these
 *   re-announcements.
 * - `wait`: seconds to hold the request while no entry is available (long-poll), 0..`FEED_LIMITS.maxWaitSeconds`
 *   (larger values are treated as the maximum); the answer comes as soon as an entry arrives.
 */
export interface FeedQueryParams {
  after?: FeedCursor;
  limit?: number;
  scope?: string;
  wait?: number;
}

export const FEED_LIMITS = { defaultLimit: 100, maxLimit: 1000, maxWaitSeconds: 60 } as const;

/**
 * Largest request bodies the hub accepts (413 beyond them). `POST /v1/intake` takes `application/x-ndjson`
 * (one record per line; bad lines are listed in `rejected` with their line numbers) or one `application/json`
 * record (reported as line 1); `POST /v1/mutations` takes a `PushRequest` as `application/json`, validated whole:
 * one malformed mutation answers 400 and nothing of the push is stored. So does one mutation the officer may not
 * make (see HubErrorBody.refused).
 */
export const HUB_BODY_LIMITS = { intakeBytes: 32 * 1024 * 1024, mutationsBytes: 4 * 1024 * 1024 } as const;

export interface FeedPage {
  entries: FeedEntry[];
  /**
   * Cursor after the last entry of this page; when the page is the last one for now (`hasMore` false), after
   * every entry the hub had when it read, so a scope moves past entries it does not receive.
   */
  cursor: FeedCursor;
  /** More entries are available right now; fetch again without waiting. */
  hasMore: boolean;
}

export interface PushRequest {
  /** As their officers signed them, perhaps in an older version's words (shared/mutations/upcast.ts). */
  mutations: SignedMutation[];
}

export interface PushAck {
  id: string;
  /** The mutation's place in the hub's order. */
  seq: string;
  /** True when the hub already had this mutation (a retried push). */
  duplicate: boolean;
}

export interface PushResponse {
  acks: PushAck[];
}

/** An officer in the hub's registry: the hub decides roles and teams, workstations copy them. */
export interface HubOfficer {
  id: string;
  displayName: string;
  role: OfficerRole;
  team: string | null;
  /** A deactivated officer's credential no longer works; their id stays, because mutations name it. */
  active: boolean;
}

/** `GET /v1/officers` (role `workstation`): every officer, deactivated ones too, by id. */
export interface OfficersResponse {
  officers: HubOfficer[];
}

/** `GET /v1/retention/periods` (role `workstation`): the periods the hub purges by, which every workstation copies. */
export interface RetentionPeriodsResponse {
  periods: RetentionPeriods;
}

/** `GET /v1/whoami` (role `workstation`): the token's name, and the officer it is a credential of (null for a shared token). */
export interface WhoamiResponse {
  token: string;
  officer: HubOfficer | null;
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  database: 'pglite' | 'postgres';
}

export interface HubErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /**
     * Set when the hub refused one mutation of a push for what it does (403 who may not, 409 a state conflict,
     * 400 missing details, 410 it names a report that retention removed): its place in the push and its id. Nothing of the push was stored; the mutations
     * before it would have been accepted.
     */
    refused?: MutationRefusalRef;
  };
}

/** Which mutation of a push the hub refused. */
export interface MutationRefusalRef {
  /** Its place in the pushed list (from 0). */
  index: number;
  id: string;
}

/**
 * `GET /v1/indicators/elsewhere?type=&value=&officer=` (role `workstation`): how many live (not withdrawn) reports
 * outside the caller's scope mention this indicator (canonical type and value), per region — counts only, never a
 * report. `officer` names the officer asking at the workstation; every question is logged on the hub with it and
 * with the token (and the token's officer). A `*` scope has nothing outside it: total 0.
 */
export interface SeenElsewhereResponse {
  type: IndicatorType;
  value: string;
  /** Reports outside the scope (a report that named several regions counts once). */
  total: number;
  /** Per region, most reports first; `region` null for reports that named none. */
  regions: Array<{ region: string | null; reports: number }>;
}

/**
 * Who may push a change (see src-hub/README.md, "Officers prove who they are"): the hub stores a mutation only with
 * proof from the officer it names — pushed under that officer's own session (`pzs_…`) or credential, or carrying
 * `proof`, a signature by a registered, unrevoked key of that officer (shared/mutations/proof.ts). A shared
 * workstation token may read the feed and push signed changes; it cannot push an unsigned one. Unknown and
 * deactivated officers' changes are refused (403), and those of deactivated officers kept for supervisors
 * (`GET /v1/refused`).
 *
 * `POST /v1/sessions` (no token): `SessionRequest` → `SessionResponse`; 401 for an unknown credential or a token
 * the identity provider did not sign, 403 for a shared token, an unknown or deactivated officer.
 * `POST /v1/sessions/renew` (the session itself): a new `expiresAt`. `DELETE /v1/sessions/current`: signs out.
 */
export type SessionRequest = ({ credential: string } | { idToken: string }) & { enrol?: KeyEnrolment };

/**
 * The officer's signing key, enrolled with the session in one request (what `POST /v1/keys` does afterwards):
 * `keptKeyIds` are the keys this workstation holds for anyone. When one of them is an unrevoked key of the officer
 * the hub has just proven, that key stays theirs and nothing is registered; otherwise `publicKey` (new) is
 * registered for that officer. The hub never answers a key of another officer. At most MAX_KEPT_KEY_IDS ids.
 */
export interface KeyEnrolment {
  publicKey: OfficerPublicKey;
  keptKeyIds: string[];
}

export const MAX_KEPT_KEY_IDS = 500;

/**
 * `GET /v1/auth/oidc` (no token): where officers of this hub sign in with the force's identity provider — its
 * issuer and the (public) client the workstations and the hub share, whose ID tokens the hub accepts. 404 when the
 * hub accepts no identity provider (officers sign in with their credential).
 */
export interface OidcOffer {
  issuer: string;
  clientId: string;
}

export interface SessionResponse {
  /** `pzs_…`: a bearer token for `lifetimeMs`, bound to `officer`. */
  session: string;
  expiresAt: string;
  officer: HubOfficer;
  /** With `enrol`: the officer's key this workstation signs with from now on (a kept one, or `publicKey`'s). */
  keyId?: string;
}

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface OfficerPublicKey {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

/** `POST /v1/keys` (an officer's session or credential): registers a signing key of that officer. */
export interface KeyRegistration {
  publicKey: OfficerPublicKey;
}

export interface KeyRegistered {
  /** The key's JWK thumbprint: what a mutation's `proof.keyId` names. */
  keyId: string;
}

/** `GET /v1/refused` (a supervisor's session or credential): changes refused because their officer was deactivated or unknown. */
export interface RefusedChange {
  mutationId: string;
  kind: string;
  officer: string;
  at: string;
  reason: string;
  pushedBy: string;
  refusedAt: string;
}

export interface RefusedChangesResponse {
  refused: RefusedChange[];
}

/**
 * `POST /v1/audit` (role `workstation`): a workstation's next audit entries, in order, continuing the chain the hub
 * holds for it (shared/audit/chain.ts). Entries the hub holds already are accepted again when they are the same (a
 * retried push); a push that forks the chain, leaves a gap or holds an entry that does not match its hash is
 * refused whole (409 `CONFLICT`, the reason and `firstBad` in the message) and listed for supervisors.
 */
export interface AuditPushRequest {
  /** The workstation's store (a UUID made when the store was): one chain each. */
  workstationId: string;
  entries: ChainEntry[];
  /** Signed by the workstation's audit key: only the workstation whose log it is can continue it. */
  proof: AuditPushProof;
}

/** The last entry the hub holds of a workstation's chain (`seq` 0 and `hash` null: none yet). */
export interface AuditChainHead {
  seq: number;
  hash: string | null;
}

export interface AuditPushResponse {
  /** New entries stored by this push (entries held already not counted). */
  accepted: number;
  head: AuditChainHead;
}

/** Most audit entries in one push; the body limit fits them. */
export const AUDIT_PUSH_MAX_ENTRIES = 500;

/** The longest details (serialized JSON) of one audit entry the hub takes from a push (src-hub/audit/parse-push.ts). */
export const AUDIT_DETAILS_MAX_CHARS = 20_000;

/** A push of audit entries the hub refused, as supervisors see it (`GET /v1/audit/refusals`). */
export interface AuditRefusal {
  workstationId: string;
  refusedAt: string;
  /** The name of the token or the officer of the session that pushed it. */
  pushedBy: string;
  firstBad: number;
  reason: string;
}

export interface AuditRefusalsResponse {
  refusals: AuditRefusal[];
}

/**
 * `GET /v1/audit/entries` (a supervisor's session or credential): the audit entries of every workstation's chain
 * that answer one question — who consulted report `report` (and its links), or what officer `officer` did (in the
 * period `from`–`to`, inclusive days in UTC) — newest first, a page at a time. Entries about reports outside the
 * caller's scope are left out; each question is logged on the hub with who asked.
 */
export interface AuditQuestion {
  report?: string;
  officer?: string;
  from?: string;
  to?: string;
  /** The first page's `asOf`: entries the hub received later are left out, so every page answers one snapshot. */
  asOf?: string;
  /** The previous page's `next`. */
  after?: string;
  limit?: number;
  /** The asking workstation: the first page says how much of its chain the hub held at `asOf` (`held`). */
  workstation?: string;
}

/** One entry of a workstation's chain, as the workstation chained it (`details` the JSON text it hashed). */
export interface HubAuditEntry extends ChainedContent {
  workstationId: string;
  seq: number;
}

export interface AuditEntriesResponse {
  entries: HubAuditEntry[];
  /** How many entries answer the question in all (first page only; null on the pages after it). */
  total: number | null;
  /** The snapshot this page answers (ask the next pages with it). */
  asOf: string;
  /** Ask with this as `after` for the next page; null: this was the last. */
  next: string | null;
  /**
   * First page only: the last entry of the asking workstation's chain the hub held at `asOf` (0: none), so the
   * workstation adds its entries not sent yet; null on later pages or when no workstation was named.
   */
  held: number | null;
}

/** Most entries in one page of `GET /v1/audit/entries`. */
export const AUDIT_ENTRIES_PAGE_MAX = 1000;
