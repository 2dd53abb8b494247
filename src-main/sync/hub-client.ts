import { HUB_API_PREFIX, type AuditChainHead, type AuditEntriesResponse, type AuditQuestion, type AuditPushRequest, type AuditPushResponse, type AuditRefusal, type HubOfficer, type KeyRegistered, type KeyRegistration, type OfficerPublicKey, type OidcOffer, type PushAck, type RefusedChange, type SessionRequest, type SessionResponse, type SeenElsewhereResponse, type WhoamiResponse } from '../../shared/hub/protocol';
import type { IndicatorType } from '../../shared/indicators/types';
import type { SignedMutation } from '../../shared/mutations/proof';
import { hubAddressProblem } from '../../shared/hub/address';
import { describeNetworkFailure, errorForStatus, HubRefusedError, HubUnavailableError, parseRetryAfter } from './hub-errors';
import { parseOfficersResponse, parseOidcOffer, parseSessionResponse, parseWhoamiResponse } from './officers-answer';
import { parseSeenElsewhere } from './seen-elsewhere-answer';
import { parseAuditEntries } from './audit-entries-answer';
import { parseRetentionPeriodsResponse } from './periods-refresh';
import type { RetentionPeriods } from '../../shared/retention/periods';
import { realTimers, type SyncTimers } from './timers';

export interface HubClientOptions {
  /** E.g. `http://127.0.0.1:8740`; the `/v1` prefix is added here. */
  hubUrl: string;
  /** Absent only for the calls made before an officer has signed in (the identity provider's offer, a session). */
  token?: string;
  fetch?: typeof fetch;
  timers?: SyncTimers;
  /** Longest a request may take beyond any long-poll wait it asked for (ms). */
  requestTimeoutMs?: number;
}

export interface FeedRequest {
  after: string;
  limit: number;
  scope: string;
  /** Seconds the hub may hold the request while nothing is new (long-poll); 0 answers at once. */
  waitSeconds: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** The hub's HTTP API as the workstation uses it. Every failure is a HubUnavailableError or a HubRefusedError. */
export function createHubClient(options: HubClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const timers = options.timers ?? realTimers;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const base = options.hubUrl.replace(/\/+$/, '') + HUB_API_PREFIX;
  // Also for an address named at launch (environment, --hub): the token never travels in the clear.
  const addressProblem = hubAddressProblem(options.hubUrl);

  /** One request, body read whole under the same deadline: a stalled or cut answer fails, never half-succeeds. */
  async function callForText(path: string, init: RequestInit, allowedMs: number, cancel: AbortSignal | undefined): Promise<string> {
    if (addressProblem !== null) throw new HubRefusedError(0, 'BAD_INPUT', `The hub's address ${options.hubUrl} cannot be used: ${addressProblem}.`);
    const controller = new AbortController();
    const timer = timers.setTimeout(() => controller.abort(new HubUnavailableError(`the hub did not answer within ${Math.round(allowedMs / 1000)} s`)), allowedMs);
    const onCancel = () => controller.abort(cancel?.reason);
    if (cancel?.aborted) onCancel();
    cancel?.addEventListener('abort', onCancel, { once: true });
    try {
      const response = await fetchImpl(base + path, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }), accept: 'application/json' },
        signal: controller.signal,
      });
      const text = await response.text();
      if (!response.ok) throw errorForStatus(response.status, text, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
      return text;
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      if (error instanceof Error && (error.name === 'HubUnavailableError' || error.name === 'HubRefusedError')) throw error;
      throw new HubUnavailableError(describeNetworkFailure(error));
    } finally {
      timers.clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    }
  }

  async function call(path: string, init: RequestInit, allowedMs: number, cancel: AbortSignal | undefined): Promise<unknown> {
    const text = await callForText(path, init, allowedMs, cancel);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HubUnavailableError('the hub sent an answer that is not JSON');
    }
  }

  return {
    /** How many live reports outside this token's scope mention the indicator, per region (asked for `officer`). */
    async seenElsewhere(type: IndicatorType, value: string, officer: string, cancel?: AbortSignal): Promise<SeenElsewhereResponse> {
      const query = new URLSearchParams({ type, value, officer });
      return parseSeenElsewhere(await call(`/indicators/elsewhere?${query.toString()}`, { method: 'GET' }, timeoutMs, cancel));
    },

    /**
     * A page of the feed, as the hub sent it: read and checked (readFeedPage) on the prepare worker with its reports,
     * so that the store's thread does not parse a page of 500 records in one go.
     */
    feed(request: FeedRequest, cancel?: AbortSignal): Promise<string> {
      const query = new URLSearchParams({ after: request.after, limit: String(request.limit), scope: request.scope, wait: String(request.waitSeconds) });
      return callForText(`/feed?${query.toString()}`, { method: 'GET' }, timeoutMs + request.waitSeconds * 1000, cancel);
    },

    /** Pushes mutations; the acks come back in order, one per mutation. */
    async push(mutations: readonly SignedMutation[], cancel?: AbortSignal): Promise<PushAck[]> {
      const body = await call(
        '/mutations',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mutations }) },
        timeoutMs,
        cancel,
      );
      return checkAcks(body, mutations);
    },

    /** Where this workstation's audit chain ends on the hub. */
    async auditHead(workstationId: string, cancel?: AbortSignal): Promise<AuditChainHead> {
      return parseAuditHead(await call(`/audit/head?${new URLSearchParams({ workstation: workstationId }).toString()}`, { method: 'GET' }, timeoutMs, cancel));
    },

    /** Appends the next entries of this workstation's audit chain; a 409 says why the hub refused them. */
    async pushAudit(push: AuditPushRequest, cancel?: AbortSignal): Promise<AuditPushResponse> {
      const body = await call('/audit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(push) }, timeoutMs, cancel);
      const head = parseAuditHead((body as { head?: unknown } | null)?.head);
      const accepted = (body as { accepted?: unknown }).accepted;
      if (typeof accepted !== 'number') throw new HubUnavailableError('the hub sent a malformed answer to an audit push');
      return { accepted, head };
    },

    /** Audit pushes the hub refused (a supervisor's session or credential only). */
    async auditRefusals(cancel?: AbortSignal): Promise<AuditRefusal[]> {
      const refusals = ((await call('/audit/refusals', { method: 'GET' }, timeoutMs, cancel)) as { refusals?: unknown } | null)?.refusals;
      if (!Array.isArray(refusals)) throw new HubUnavailableError('the hub sent a malformed list of refused audit logs');
      return refusals as AuditRefusal[];
    },

    /** A page of every workstation's audit entries that answer the question (a supervisor's session or credential only). */
    async auditEntries(question: AuditQuestion, cancel?: AbortSignal): Promise<AuditEntriesResponse> {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(question)) if (value !== undefined) query.set(key, String(value));
      return parseAuditEntries(await call(`/audit/entries?${query.toString()}`, { method: 'GET' }, timeoutMs, cancel));
    },

    /** Changes the hub refused because their officer had been deactivated (a supervisor's session or credential only). */
    async refusedChanges(cancel?: AbortSignal): Promise<RefusedChange[]> {
      const refused = ((await call('/refused', { method: 'GET' }, timeoutMs, cancel)) as { refused?: unknown } | null)?.refused;
      if (!Array.isArray(refused)) throw new HubUnavailableError('the hub sent a malformed list of refused changes');
      return refused as RefusedChange[];
    },

    /** The hub's registry of officers (roles and teams are the hub's). */
    async officers(cancel?: AbortSignal): Promise<HubOfficer[]> {
      return parseOfficersResponse(await call('/officers', { method: 'GET' }, timeoutMs, cancel));
    },

    /** The retention periods the hub purges by (its administrator's). */
    async retentionPeriods(cancel?: AbortSignal): Promise<RetentionPeriods> {
      return parseRetentionPeriodsResponse(await call('/retention/periods', { method: 'GET' }, timeoutMs, cancel));
    },

    /** Registers a signing key of the officer whose session or credential this client's token is. */
    async registerKey(publicKey: OfficerPublicKey, cancel?: AbortSignal): Promise<string> {
      const body = await call('/keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ publicKey } satisfies KeyRegistration) }, timeoutMs, cancel);
      const keyId = (body as Partial<KeyRegistered> | null)?.keyId;
      if (typeof keyId !== 'string') throw new HubUnavailableError('the hub sent a malformed answer to a key registration');
      return keyId;
    },

    /** Where officers sign in with the force's identity provider; null when the hub accepts none (404). */
    async oidcOffer(cancel?: AbortSignal): Promise<OidcOffer | null> {
      let body: unknown;
      try {
        body = await call('/auth/oidc', { method: 'GET' }, timeoutMs, cancel);
      } catch (error) {
        if (error instanceof HubRefusedError && error.status === 404) return null;
        throw error;
      }
      return parseOidcOffer(body);
    },

    /** A session for an officer, opened with their credential or the identity provider's ID token. */
    async openSession(request: SessionRequest, cancel?: AbortSignal): Promise<SessionResponse> {
      return parseSessionResponse(await call('/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }, timeoutMs, cancel));
    },

    /** Moves the end of this client's session (its token is a `pzs_` session); answers the new end. */
    async renewSession(cancel?: AbortSignal): Promise<string> {
      const expiresAt = ((await call('/sessions/renew', { method: 'POST' }, timeoutMs, cancel)) as { expiresAt?: unknown } | null)?.expiresAt;
      if (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) throw new HubUnavailableError('the hub sent a malformed answer to a session renewal');
      return expiresAt;
    },

    /** Ends this client's session on the hub at once (signing out). */
    async endSession(cancel?: AbortSignal): Promise<void> {
      await call('/sessions/current', { method: 'DELETE' }, timeoutMs, cancel);
    },

    /** Which officer this client's token is a credential of (null for a shared workstation token). */
    async whoami(cancel?: AbortSignal): Promise<WhoamiResponse> {
      return parseWhoamiResponse(await call('/whoami', { method: 'GET' }, timeoutMs, cancel));
    },
  };
}

export type HubClient = ReturnType<typeof createHubClient>;

function parseAuditHead(body: unknown): AuditChainHead {
  const head = body as Partial<AuditChainHead> | null;
  if (typeof head?.seq !== 'number' || !(head.hash === null || (typeof head.hash === 'string' && /^[0-9a-f]{64}$/.test(head.hash)))) {
    throw new HubUnavailableError('the hub sent a malformed audit chain head');
  }
  return { seq: head.seq, hash: head.hash };
}

function checkAcks(body: unknown, mutations: readonly SignedMutation[]): PushAck[] {
  const acks = (body as { acks?: unknown } | null)?.acks;
  const fits =
    Array.isArray(acks) &&
    acks.length === mutations.length &&
    acks.every((ack: unknown, index) => {
      const candidate = ack as Partial<PushAck> | null;
      return candidate?.id === mutations[index]!.id && typeof candidate.seq === 'string' && /^\d{1,15}$/.test(candidate.seq);
    });
  if (!fits) throw new HubUnavailableError('the hub sent a malformed answer to a push');
  return acks as PushAck[];
}
