import { z } from 'zod';
import { AUDIT_DETAILS_MAX_CHARS, AUDIT_PUSH_MAX_ENTRIES, type AuditPushRequest } from '../../shared/hub/protocol';

const text = (max: number) => z.string().max(max);

const pushSchema = z.object({
  workstationId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a workstation id is a UUID'),
  entries: z
    .array(
      z.object({
        id: z.number().int().min(1),
        at: text(40),
        actor: text(200),
        action: text(100),
        subjectType: text(100),
        subjectId: text(1000),
        details: text(AUDIT_DETAILS_MAX_CHARS).nullable(),
        hash: z.string().regex(/^[0-9a-f]{64}$/, 'a hash is SHA-256 in lower-case hex'),
      }),
    )
    .min(1)
    .max(AUDIT_PUSH_MAX_ENTRIES),
  proof: z.object({
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'publicKey is an Ed25519 key, 43 characters of base64url'),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'signature is an Ed25519 signature, 86 characters of base64url'),
  }),
});

/** The push, or a short reason that never echoes a submitted value. */
export function parseAuditPush(body: unknown): { ok: true; push: AuditPushRequest } | { ok: false; reason: string } {
  const parsed = pushSchema.safeParse(body);
  if (parsed.success) return { ok: true, push: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'malformed'}`.slice(0, 200) };
}
