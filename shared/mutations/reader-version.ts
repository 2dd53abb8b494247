/**
 * Which wire this release reads: raised whenever a release learns to read entries an earlier one refused (new
 * kinds, new enum values). A workstation that passed over feed entries under a lower value reads the feed again
 * from the earliest of them once it runs a higher one (src-main/sync/unread-entries.ts).
 *
 * 1: request states, case statuses and route priorities in Dutch only.
 * 2: also in English (shared/mutations/upcast.ts).
 */
export const FEED_READER_VERSION = 2;
