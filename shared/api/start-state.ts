import type { ErrorCode } from '../errors';

/**
 * How far the workstation core is in starting. The window opens at once and shows this (the start screen) until the
 * core answers: opening the store, upgrading it one migration at a time (minutes on a large store), or why it could
 * not start. JSON-safe: it travels as `app.startState`, the method and the event.
 */
export type StartState =
  | { phase: 'opening' }
  | { phase: 'upgrading'; step: number; of: number }
  | { phase: 'ready' }
  | { phase: 'failed'; error: { code: ErrorCode; message: string } };

export const STARTED: StartState = { phase: 'ready' };
