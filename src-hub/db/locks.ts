/**
 * PostgreSQL advisory lock keys of the hub. Single-key (bigint) and two-key (int4, int4) locks live in
 * separate spaces, so the report locks below never collide with these.
 */

/** Serializes the end of every writing transaction: feed sequence numbers are taken under it (see ../feed/append.ts). */
export const FEED_LOCK = 0x7a7a_6665_6564n; // "zzfeed"

/** Serializes schema migrations when several hub processes start over one database. */
export const MIGRATION_LOCK = 0x7a7a_6d69_6772n; // "zzmigr"

/** First key of the two-key advisory locks taken per report (`hashtext(reportId)` is the second). */
export const REPORT_LOCK_CLASS = 0x7270_7400; // "rpt"
