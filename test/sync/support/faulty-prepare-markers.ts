/** Words in a report's narrative that make ./faulty-prepare-worker.ts fail on the page carrying it. */
export const THROWS_ON = 'struikelsteen-voor-de-werker';
export const EXITS_ON = 'noodstop-voor-de-werker';
