/**
 * Timers for the daily retention run of a test workstation that is about something else: the run is never due. Its
 * records carry fixed dates (2026), which a run at start would purge once their year is over, and the suite passes
 * whatever today's date is. Retention itself is tested with its clock and timers driven (test/unit/retention,
 * test/hub/retention.test.ts, test/sync/retention-resync.test.ts).
 */
import type { ScheduleTimers } from '../../shared/retention/daily-runs';

export const retentionNeverDue: ScheduleTimers = { setTimeout: () => null, clearTimeout: () => undefined };
