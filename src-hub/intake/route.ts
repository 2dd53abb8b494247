/**
 * `POST /v1/intake` (role `intake`): an `application/x-ndjson` batch or one `application/json` record of
 * `intake-report/1`, answered with an IntakeSummary. Bad lines are listed with their numbers and good ones
 * applied (in transactions of whole records); the body is read whole first (at most 32 MB), so a body that is
 * too large is refused with 413 before anything is written.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, HUB_BODY_LIMITS, type IntakeSummary } from '../../shared/hub/protocol';
import type { Clock } from '../../shared/platform/clock';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import type { FeedNotifier } from '../feed/notifier';
import { HttpError } from '../http/errors';
import { parseBoundedJson } from '../../shared/intake/bounded-json';
import type { Logger } from '../../shared/platform/logger';
import type { RedactionCompactor } from '../retention/redaction-compaction';
import { applyIntakeBatch } from './apply';
import { ingestJsonRecord, ingestNdjson, type ApplyBatch } from './ingest';

export interface IntakeRouteDeps {
  db: HubDb;
  clock: Clock;
  auth: Authenticator;
  notifier: FeedNotifier;
  logger: Logger;
  /** Told when a batch redacted stored text (../retention/redaction-compaction.ts). */
  compactor: RedactionCompactor;
}

/** A byte that is not UTF-8 is refused, never replaced by U+FFFD in a stored record. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

interface JsonBody {
  kind: 'json';
  value: unknown;
  raw: string;
}

export function registerIntakeRoute(app: FastifyInstance, deps: IntakeRouteDeps): void {
  void app.register((scope, _options, done) => {
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer' }, (_request, body, parsed) => parsed(null, body));
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, parsed) => {
      let raw: string;
      try {
        raw = strictUtf8.decode(body as Buffer).trim();
      } catch {
        return parsed(new HttpError(400, 'BAD_INPUT', 'line 1: the body is not valid UTF-8 text (it holds bytes of another encoding)'), undefined);
      }
      const json = parseBoundedJson(raw);
      if (!json.ok) return parsed(new HttpError(400, 'BAD_INPUT', `line 1: the body is ${json.reason}`), undefined);
      parsed(null, { kind: 'json', value: json.value, raw } satisfies JsonBody);
    });

    scope.post(
      `${HUB_API_PREFIX}/intake`,
      { bodyLimit: HUB_BODY_LIMITS.intakeBytes, onRequest: deps.auth.requireRole('intake') },
      async (request): Promise<IntakeSummary> => {
        const principal = deps.auth.principalOf(request);
        // Only tokens have the intake role; officers' sessions are workstations'.
        const tokenId = principal.tokenId!;
        const apply: ApplyBatch = async (inputs) => {
          const outcomes = await applyIntakeBatch(deps.db, inputs, { clock: deps.clock, tokenId, afterRedaction: () => deps.compactor.redacted() });
          deps.notifier.notify();
          return outcomes;
        };
        const body: unknown = request.body;
        let summary: IntakeSummary;
        if (Buffer.isBuffer(body)) {
          summary = await ingestNdjson(Readable.from([body]), apply);
        } else if (body !== null && typeof body === 'object' && (body as JsonBody).kind === 'json') {
          summary = await ingestJsonRecord((body as JsonBody).value, (body as JsonBody).raw, apply);
        } else {
          throw new HttpError(400, 'BAD_INPUT', 'send intake records as application/x-ndjson (one per line) or one record as application/json');
        }
        const { rejected, ...counts } = summary;
        deps.logger.info('intake', { token: principal.name, ...counts, rejected: rejected.length });
        return summary;
      },
    );
    done();
  });
}
