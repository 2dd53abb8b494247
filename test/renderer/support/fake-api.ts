import type { ApiClient, ApiEvent, ApiEvents, ApiMethod, ApiParams, ApiValue } from '../../../shared/api/contract';
import { fail, ok, type ApiResult } from '../../../shared/api/result';
import type { QueueQuery, QueueRow } from '../../../shared/api/views';
import type { ErrorCode } from '../../../shared/errors';
import { DEFAULT_PURPOSES } from '../../../shared/audit/purpose';

type Handler<M extends ApiMethod> = (params: ApiParams<M>) => ApiValue<M> | Promise<ApiValue<M>>;
type Handlers = { [M in ApiMethod]?: Handler<M> };

export interface RecordedCall {
  method: ApiMethod;
  params: unknown;
}

/** Thrown by a handler to answer `ok: false` with this code. */
export class FakeFailure extends Error {
  constructor(readonly code: ErrorCode) {
    super(`fake ${code}`);
  }
}

/** Rows are built newest first, so the default sort needs no work (keeps 100,000-row tests fast). */
const sorted = (rows: QueueRow[], sort: QueueQuery['sort']): QueueRow[] => {
  if (sort.key === 'receivedAt' && sort.direction === 'desc') return rows;
  const key = sort.key === 'loss' ? 'lossCents' : sort.key;
  const direction = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = a[key] ?? '';
    const right = b[key] ?? '';
    return left < right ? -direction : left > right ? direction : 0;
  });
};

/**
 * An in-memory ApiClient (a test double of the transport). The queue is served from `rows` with the real
 * offset/limit semantics; other methods answer what a test installs with `handle`. Every call is recorded.
 */
export class FakeApi implements ApiClient {
  readonly calls: RecordedCall[] = [];
  private readonly handlers: Handlers = {};
  private readonly listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  /** Calls of these methods wait until `release()`; to test answers that arrive late. */
  private held: Array<() => void> | null = null;

  constructor(public rows: QueueRow[] = []) {
    this.handle('queue.list', (query) => {
      const { workStatuses, text } = query.filters;
      const matching =
        workStatuses || text
          ? this.rows.filter((row) => (!workStatuses || workStatuses.includes(row.workStatus)) && (!text || (row.summary ?? '').includes(text)))
          : this.rows;
      return { rows: sorted(matching, query.sort).slice(query.offset, query.offset + query.limit), total: matching.length, offset: query.offset };
    });
    this.handle('queue.regions', () => ['Amsterdam', 'Rotterdam']);
    this.handle('session.get', () => ({ officer: { id: 'officer-1', displayName: 'A. Agent', role: 'officer', team: 'Cyber' }, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }));
    this.handle('officers.list', () => [
      { id: 'officer-1', displayName: 'A. Agent', role: 'officer', team: 'Cyber' },
      { id: 'officer-2', displayName: 'B. Brigadier', role: 'supervisor', team: 'Cyber' },
    ]);
    this.handle('note.list', () => []);
    this.handle('audit.purposes', () => ({ purposes: [...DEFAULT_PURPOSES] }));
    this.handle('audit.lastPurpose', () => ({ purpose: null }));
    this.handle('report.related', () => []);
    this.handle('report.revisions', () => []);
    this.handle('report.audit', () => []);
    this.handle('case.list', () => []);
    this.handle('request.list', () => []);
    this.handle('directory.list', () => []);
    this.handle('routing.explain', () => ({
      current: null,
      byRules: { team: 'Team Online Intake', priority: 'normal', assignee: null, ruleId: null, ruleName: null, matched: [], manual: null },
    }));
  }

  handle<M extends ApiMethod>(method: M, handler: Handler<M>): this {
    (this.handlers as Record<string, unknown>)[method] = handler;
    return this;
  }

  callsOf<M extends ApiMethod>(method: M): Array<ApiParams<M>> {
    return this.calls.filter((call) => call.method === method).map((call) => call.params as ApiParams<M>);
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    waiting.forEach((resume) => resume());
  }

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<ApiValue<M>>> {
    this.calls.push({ method, params: structuredClone(params) });
    if (this.held) await new Promise<void>((resume) => this.held!.push(resume));
    const handler = this.handlers[method];
    if (!handler) return fail('INTERNAL', `FakeApi has no handler for ${method}`);
    try {
      return ok(await handler(params));
    } catch (error) {
      if (error instanceof FakeFailure) return fail(error.code, error.message);
      throw error;
    }
  }

  subscribe<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (payload: ApiEvents[E]) => void)(payload);
  }
}

/** Lets queued promise callbacks (the fake's answers and the actions awaiting them) run. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
