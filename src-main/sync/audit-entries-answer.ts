import { z } from 'zod';
import { AUDIT_DETAILS_MAX_CHARS, AUDIT_ENTRIES_PAGE_MAX, type AuditEntriesResponse } from '../../shared/hub/protocol';
import { HubUnavailableError } from './hub-errors';

const text = (max: number) => z.string().max(max);

const answerSchema = z.object({
  entries: z
    .array(
      z.object({
        workstationId: text(100),
        seq: z.number().int().min(1),
        at: text(40),
        actor: text(200),
        action: text(100),
        subjectType: text(100),
        subjectId: text(1000),
        details: text(AUDIT_DETAILS_MAX_CHARS).nullable(),
      }),
    )
    .max(AUDIT_ENTRIES_PAGE_MAX),
  total: z.number().int().min(0).nullable(),
  asOf: z.iso.datetime({ offset: true }),
  next: text(400).nullable(),
  held: z.number().int().min(0).nullable(),
});

/** `GET /v1/audit/entries`: the page as the protocol says; anything else in the answer is dropped. */
export function parseAuditEntries(value: unknown): AuditEntriesResponse {
  const parsed = answerSchema.safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed page of audit entries');
  return parsed.data;
}
