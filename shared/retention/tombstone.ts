/**
 * Why a purged report's revision or a change about it is refused, on the hub and on the workstation alike (each keeps
 * a tombstone per purged report: an HMAC of its id under a key of the store's own). It never names the report.
 */
export const PURGED_REPORT_REASON = 'the report expired and was removed under the retention period; it is not taken again';
