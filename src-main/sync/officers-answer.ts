import { z } from 'zod';
import type { HubOfficer, OidcOffer, SessionResponse, WhoamiResponse } from '../../shared/hub/protocol';
import { OFFICER_ROLES } from '../../shared/requests/lifecycle';
import { HubUnavailableError } from './hub-errors';

const hubOfficerSchema = z.object({
  id: z.string().min(1).max(200),
  displayName: z.string().max(200),
  role: z.enum(OFFICER_ROLES),
  team: z.string().max(200).nullable(),
  active: z.boolean(),
});

/** `GET /v1/officers`: a broken answer is the hub's fault, as with a broken feed page. */
export function parseOfficersResponse(value: unknown): HubOfficer[] {
  const parsed = z.object({ officers: z.array(hubOfficerSchema) }).safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed list of officers');
  return parsed.data.officers;
}

export function parseWhoamiResponse(value: unknown): WhoamiResponse {
  const parsed = z.object({ token: z.string(), officer: hubOfficerSchema.nullable() }).safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed answer about the credential');
  return parsed.data;
}

export function parseSessionResponse(value: unknown): SessionResponse {
  const parsed = z.object({ session: z.string().min(1), expiresAt: z.string(), officer: hubOfficerSchema, keyId: z.string().min(1).optional() }).safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed session');
  return parsed.data;
}

export function parseOidcOffer(value: unknown): OidcOffer {
  const parsed = z.object({ issuer: z.string().min(1), clientId: z.string().min(1) }).safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed identity provider offer');
  return parsed.data;
}
