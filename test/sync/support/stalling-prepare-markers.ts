/** Words in a report's narrative that make ./stalling-prepare-worker.ts misbehave on the record carrying it. */
export const HANGS_ON = 'eindeloze-lus-voor-de-werker';
export const HANGS_ONCE_ON = 'vastgelopen-werker-eenmalig';
export const SLOW_ON = 'trage-maar-gestage-werker';
/** How long ./stalling-prepare-worker.ts takes on each SLOW_ON record. */
export const SLOW_RECORD_MS = 100;
