/**
 * The offline code a police-account officer sets to sign in and unlock while the hub cannot be reached: six digits
 * at least (a PIN typed fast at a shared station), or eight characters at least when it holds anything but digits.
 * It guards only this workstation's offline sign-in — five wrong ones lock the officer id for a quarter of an hour,
 * and its proof expires with the hub-credential proofs — so a PIN's million possibilities are enough at the screen.
 * It must not look like a hub credential (pzh_…): the sign-in field takes both, and that prefix says which.
 */
export const OFFLINE_CODE_MIN_DIGITS = 6;
export const OFFLINE_CODE_MIN_CHARACTERS = 8;
export const CREDENTIAL_PREFIX = 'pzh_';

export type OfflineCodeProblem = 'too-short' | 'looks-like-credential' | 'spaces-around';

/** What is wrong with a code an officer wants to set; null when it will do. */
export function offlineCodeProblem(code: string): OfflineCodeProblem | null {
  if (code.trim() !== code) return 'spaces-around';
  if (code.startsWith(CREDENTIAL_PREFIX)) return 'looks-like-credential';
  const minimum = /^\d+$/.test(code) ? OFFLINE_CODE_MIN_DIGITS : OFFLINE_CODE_MIN_CHARACTERS;
  return code.length < minimum ? 'too-short' : null;
}

/** Whether what the officer typed in the sign-in or lock screen's one field is a hub credential, not an offline code. */
export const isCredentialText = (text: string) => text.trim().startsWith(CREDENTIAL_PREFIX);
