/**
 * Checks an officer's credential with the hub before the workstation uses it: `GET /v1/whoami` with it must
 * answer that it is this officer's. Each way it can fail gets its own error, worded for the officer.
 */
import { AppError } from '../../shared/errors';
import type { HubOfficer } from '../../shared/hub/protocol';
import { looksLikeToken } from '../../src-hub/auth/tokens';
import { createHubClient } from '../sync/hub-client';
import { HubRefusedError } from '../sync/hub-errors';

/** The officer as the hub has them, and the credential as it is to be stored (trimmed). */
export async function checkCredential(
  deps: { hubUrl: string; fetch: typeof fetch },
  officerId: string,
  credential: string | undefined,
): Promise<{ officer: HubOfficer; token: string }> {
  const token = credential?.trim() ?? '';
  if (token === '') throw new AppError('UNAUTHENTICATED', 'Signing in with this hub needs your credential (it starts with pzh_; the hub’s administrator issues it).');
  if (!looksLikeToken(token)) throw new AppError('UNAUTHENTICATED', 'That is not a credential: a credential is pzh_ followed by 43 letters, digits, - or _.');
  let answer;
  try {
    answer = await createHubClient({ hubUrl: deps.hubUrl, token, fetch: deps.fetch }).whoami();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof HubRefusedError && error.status === 401) {
      throw new AppError('UNAUTHENTICATED', 'The hub does not accept this credential: it is mistyped, or it was replaced or revoked.');
    }
    if (error instanceof HubRefusedError && error.status === 403) throw new AppError('FORBIDDEN', `The hub refuses this credential (${message}).`);
    throw new AppError('UNAVAILABLE', `The credential cannot be checked now: ${message}.`);
  }
  if (answer.officer === null) throw new AppError('UNAUTHENTICATED', 'This is a workstation token, not an officer’s credential.');
  if (answer.officer.id !== officerId) throw new AppError('UNAUTHENTICATED', `This credential is not the credential of "${officerId}".`);
  return { officer: answer.officer, token };
}
