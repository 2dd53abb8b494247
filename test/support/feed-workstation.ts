import { join } from 'node:path';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { createFeedPageApplier } from '../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { tempDir } from './temp-store';

let seq = 0;
/** One feed page of these records, their sequence numbers going on from the last page's. */
function pageOf(records: IntakeRecord[]): RawFeedPage {
  const entries = records.map((record) => {
    seq += 1;
    return { seq: String(seq), type: 'report' as const, reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) };
  });
  return { entries, cursor: String(seq), hasMore: false };
}

/**
 * A workstation's store in a temporary directory that takes feed pages as the sync does (prepared, then applied),
 * every report in a slice of its own (one transaction each), so what a writer keeps between slices is exercised.
 */
export function feedWorkstation() {
  const path = join(tempDir(), 'ws.db');
  const store = openCaseStore({ clock: systemClock, path });
  const pages = createFeedPageApplier(store, { clock: systemClock, applier: createMutationApplier(store.sqlite, { clock: systemClock }), sliceMs: 0 });
  const apply = async (records: IntakeRecord[]) => pages.apply(await pages.prepare(JSON.stringify(pageOf(records))));
  /** A report's cluster, by its record. */
  const clusterOf = (record: IntakeRecord) => store.sqlite.prepare('SELECT cluster_id FROM reports WHERE report_id = ?').pluck().get(record.reportId);
  return { store, path, apply, clusterOf };
}
