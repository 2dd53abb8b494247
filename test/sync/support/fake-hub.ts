import type { ChainEntry } from '../../../shared/audit/chain';
import type { AuditChainHead, AuditPushRequest, AuditPushResponse, FeedEntry, FeedPage, HubOfficer, PushAck } from '../../../shared/hub/protocol';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { DEFAULT_RETENTION_PERIODS, type RetentionPeriods } from '../../../shared/retention/periods';

export type FakeFault = 'refused' | 'status500' | 'rate-limited' | 'hang' | 'cut' | 'malformed' | 'lose-answer';

/**
 * An in-memory hub behind a fetch function, for engine tests that need exact control (faults per request,
 * no network). The real hub is used by the integration tests.
 */
export class FakeHub {
  readonly entries: FeedEntry[] = [];
  readonly stored = new Map<string, string>();
  readonly requests: string[] = [];
  /** Faults for the next requests, in order. */
  readonly faults: FakeFault[] = [];
  /** Faults for the next pushes only. */
  readonly pushFaults: FakeFault[] = [];
  /** Answers an empty long-poll at once, as a hub without long-poll would. */
  noLongPoll = false;
  /** Refuses (400) pushes that contain this mutation id. */
  refuseId: string | null = null;
  /** The registry `GET /v1/officers` answers with. */
  officers: HubOfficer[] = [];
  /** What `GET /v1/retention/periods` answers with. */
  retentionPeriods: RetentionPeriods = DEFAULT_RETENTION_PERIODS;
  /** The audit entries pushed, per workstation (accepted as they come; the real hub's checks are tested on it). */
  readonly audit = new Map<string, ChainEntry[]>();
  private readonly listeners = new Set<() => void>();

  addReport(record: IntakeRecord): void {
    this.entries.push({ seq: String(this.entries.length + 1), type: 'report', reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) });
    this.changed();
  }

  addMutation(mutation: AnyMutation): string {
    const seq = String(this.entries.length + 1);
    this.entries.push({ seq, type: 'mutation', mutation });
    this.stored.set(mutation.id, seq);
    this.changed();
    return seq;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private page(after: number, limit: number): FeedPage {
    const rest = this.entries.filter((entry) => Number(entry.seq) > after);
    const entries = rest.slice(0, limit);
    return { entries, cursor: entries.length > 0 ? entries[entries.length - 1]!.seq : String(after), hasMore: rest.length > limit };
  }

  private waitForChange(signal: AbortSignal | null | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        this.listeners.delete(done);
        resolve();
      };
      this.listeners.add(done);
      signal?.addEventListener('abort', () => {
        this.listeners.delete(done);
        reject(signal.reason as Error);
      });
    });
  }

  fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    this.requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    // Faults are meant for the feed and pushes; the registry, the retention periods and the audit log are always answered.
    if (url.pathname.endsWith('/officers')) return Response.json({ officers: this.officers });
    if (url.pathname.endsWith('/retention/periods')) return Response.json({ periods: this.retentionPeriods });
    if (url.pathname.endsWith('/audit/head')) return Response.json(this.auditHead(url.searchParams.get('workstation') ?? ''));
    if (url.pathname.endsWith('/audit')) return Response.json(this.pushAudit(JSON.parse(init?.body as string) as AuditPushRequest));
    const fault = this.faults.shift() ?? (url.pathname.endsWith('/mutations') ? this.pushFaults.shift() : undefined);
    const signal = init?.signal;
    if (fault === 'refused') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    if (fault === 'status500') return Response.json({ error: { code: 'INTERNAL', message: 'boom' } }, { status: 500 });
    if (fault === 'rate-limited') {
      return Response.json({ error: { code: 'RATE_LIMITED', message: 'slow down' } }, { status: 429, headers: { 'retry-after': '7' } });
    }
    if (fault === 'hang') {
      await new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error)));
    }
    if (fault === 'malformed') return new Response('{"entries": "nope"}', { status: 200 });

    if (url.pathname.endsWith('/mutations')) return this.push(JSON.parse(init?.body as string) as { mutations: AnyMutation[] }, fault);
    const after = Number(url.searchParams.get('after'));
    const limit = Number(url.searchParams.get('limit'));
    const wait = Number(url.searchParams.get('wait'));
    let page = this.page(after, limit);
    if (page.entries.length === 0 && wait > 0 && !this.noLongPoll) {
      await this.waitForChange(signal);
      page = this.page(after, limit);
    }
    if (fault === 'cut') return new Response(JSON.stringify(page).slice(0, 20), { status: 200 });
    return Response.json(page);
  };

  private auditHead(workstationId: string): AuditChainHead {
    const last = this.audit.get(workstationId)?.at(-1);
    return last ? { seq: last.id, hash: last.hash } : { seq: 0, hash: null };
  }

  private pushAudit(body: AuditPushRequest): AuditPushResponse {
    const held = this.audit.get(body.workstationId) ?? [];
    const fresh = body.entries.filter((entry) => entry.id > (held.at(-1)?.id ?? 0));
    this.audit.set(body.workstationId, [...held, ...fresh]);
    return { accepted: fresh.length, head: this.auditHead(body.workstationId) };
  }

  private push(body: { mutations: AnyMutation[] }, fault: FakeFault | undefined): Response {
    if (this.refuseId && body.mutations.some((mutation) => mutation.id === this.refuseId)) {
      return Response.json({ error: { code: 'BAD_INPUT', message: 'mutations[0] refused' } }, { status: 400 });
    }
    const acks: PushAck[] = body.mutations.map((mutation) => {
      const known = this.stored.get(mutation.id);
      return known ? { id: mutation.id, seq: known, duplicate: true } : { id: mutation.id, seq: this.addMutation(mutation), duplicate: false };
    });
    if (fault === 'lose-answer') throw new TypeError('terminated');
    return Response.json({ acks });
  }
}
