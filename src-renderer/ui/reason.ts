/** A reason must say something: wherever an officer accounts for a decision (a step, a reveal, a re-route). */
export const MIN_REASON_LENGTH = 3;

export const isReasonGiven = (reason: string): boolean => reason.trim().length >= MIN_REASON_LENGTH;
