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

export type OfflineCodeProblem = 'too-short' | 'looks-like-credential' | 'spaces-around' | 'too-guessable';

/** Codes people pick first; with these gone, a guesser at the screen gets nothing from trying the favourites. */
const COMMON_CODES = new Set(['123123', '112233', '123321', '121212', '159753', '147258', '102030', '696969', '131313', 'password', 'wachtwoord', 'qwertyui', 'azertyui', 'politie1', 'welkom01', 'iloveyou']);

/**
 * A code a guesser tries first: one character repeated, a run up or down (123456, 987654, abcdefgh), a short group
 * repeated (121212, 123123), or one of the commonest codes.
 */
function tooGuessable(code: string): boolean {
  const lower = code.toLowerCase();
  if (COMMON_CODES.has(lower)) return true;
  const steps = new Set<number>();
  for (let index = 1; index < lower.length; index++) steps.add(lower.charCodeAt(index) - lower.charCodeAt(index - 1));
  if (steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1)) return true;
  for (let period = 1; period <= 3; period++) {
    if (lower.length % period === 0 && lower === lower.slice(0, period).repeat(lower.length / period)) return true;
  }
  return false;
}

/** What is wrong with a code an officer wants to set; null when it will do. */
export function offlineCodeProblem(code: string): OfflineCodeProblem | null {
  if (code.trim() !== code) return 'spaces-around';
  if (code.startsWith(CREDENTIAL_PREFIX)) return 'looks-like-credential';
  const minimum = /^\d+$/.test(code) ? OFFLINE_CODE_MIN_DIGITS : OFFLINE_CODE_MIN_CHARACTERS;
  if (code.length < minimum) return 'too-short';
  return tooGuessable(code) ? 'too-guessable' : null;
}

/** Whether what the officer typed in the sign-in or lock screen's one field is a hub credential, not an offline code. */
export const isCredentialText = (text: string) => text.trim().startsWith(CREDENTIAL_PREFIX);
