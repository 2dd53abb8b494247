/**
 * Workstations' audit logs on the hub: `POST /v1/audit` appends a workstation's next entries (see ./accept.ts),
 * `GET /v1/audit/head?workstation=` tells where its chain ends, `GET /v1/audit/refusals` lists refused pushes for
 * supervisors, `GET /v1/audit/entries` answers supervisors' questions over every workstation's log (./questions.ts).
 */
import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, HUB_BODY_LIMITS, type AuditChainHead, type AuditEntriesResponse, type AuditPushResponse, type AuditRefusalsResponse } from '../../shared/hub/protocol';
import type { Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import { auditChainRefusals } from '../db/schema';
import { HttpError } from '../http/errors';
import { requireAuditReader, requireSupervisor } from '../officers/registry';
import { acceptAuditEntries, AuditChainRefused, readChainHead } from './accept';
import { AuditChainForeign } from './owner';
import { parseAuditPush } from './parse-push';
import { parseAuditQuestion } from './parse-question';
import { answerAuditQuestion } from './questions';

const MAX_LISTED = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerAuditRoutes(app: FastifyInstance, deps: { db: HubDb; clock: Clock; auth: Authenticator; logger: Logger }): void {
  const workstation = { onRequest: deps.auth.requireRole('workstation') };

  app.post(`${HUB_API_PREFIX}/audit`, { ...workstation, bodyLimit: HUB_BODY_LIMITS.mutationsBytes }, async (request): Promise<AuditPushResponse> => {
    const principal = deps.auth.principalOf(request);
    const parsed = parseAuditPush(request.body);
    if (!parsed.ok) throw new HttpError(400, 'BAD_INPUT', parsed.reason);
    try {
      const result = await acceptAuditEntries(deps.db, parsed.push, { tokenId: principal.tokenId, pushedBy: principal.name, now: deps.clock.now().toISOString() });
      deps.logger.info('audit push', { token: principal.name, entries: parsed.push.entries.length, accepted: result.accepted });
      return result;
    } catch (error) {
      if (error instanceof AuditChainForeign) {
        deps.logger.warn('audit push of another station’s log refused', { token: principal.name });
        throw new HttpError(403, 'FORBIDDEN', error.reason);
      }
      if (!(error instanceof AuditChainRefused)) throw error;
      deps.logger.warn('audit push refused', { token: principal.name, firstBad: error.firstBad });
      throw new HttpError(409, 'CONFLICT', `the audit log of this workstation does not continue the chain the hub holds: entry ${error.firstBad}: ${error.reason}`);
    }
  });

  app.get(`${HUB_API_PREFIX}/audit/head`, workstation, async (request): Promise<AuditChainHead> => {
    const workstationId = (request.query as Record<string, unknown> | null)?.workstation;
    if (typeof workstationId !== 'string' || !UUID.test(workstationId)) throw new HttpError(400, 'BAD_INPUT', 'workstation is the workstation id (a UUID)');
    return readChainHead(deps.db, workstationId);
  });

  app.get(`${HUB_API_PREFIX}/audit/refusals`, workstation, async (request): Promise<AuditRefusalsResponse> => {
    const principal = deps.auth.principalOf(request);
    await requireSupervisor(deps.db, principal.officer, 'list refused audit logs');
    const rows = await deps.db
      .select({
        workstationId: auditChainRefusals.workstationId,
        refusedAt: auditChainRefusals.refusedAt,
        pushedBy: auditChainRefusals.pushedBy,
        firstBad: auditChainRefusals.firstBad,
        reason: auditChainRefusals.reason,
      })
      .from(auditChainRefusals)
      .orderBy(desc(auditChainRefusals.id))
      .limit(MAX_LISTED);
    return { refusals: rows.map((row) => ({ ...row, refusedAt: new Date(row.refusedAt).toISOString() })) };
  });

  app.get(`${HUB_API_PREFIX}/audit/entries`, workstation, async (request): Promise<AuditEntriesResponse> => {
    const principal = deps.auth.principalOf(request);
    await requireAuditReader(deps.db, principal.officer, 'ask the workstations’ audit logs who consulted what');
    const parsed = parseAuditQuestion(request.query);
    if (!parsed.ok) throw new HttpError(400, 'BAD_INPUT', parsed.reason);
    const asker = { officerId: principal.officer!.id, tokenId: principal.tokenId, sessionId: principal.sessionId, scope: principal.scope };
    return answerAuditQuestion(deps.db, parsed.question, asker, deps.clock.now().toISOString());
  });
}
