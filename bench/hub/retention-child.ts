// Child: the hub's retention run (issue 15 §3) over the bench hub's database, as of one year after the median
// receipt, so that about half the reports expire and are purged (rows, feed entries, mutations about them), then
// the touched tables rewritten and the WAL switched and checkpointed.
//   retention-child.ts <database-url>
import { sql } from 'drizzle-orm';
import { systemClock } from '../../shared/platform/clock';
import { createJsonLogger } from '../../shared/platform/logger';
import { connect } from '../../src-hub/db/connect';
import { queryRows } from '../../src-hub/db/database';
import { runHubRetention } from '../../src-hub/retention/run';

const [databaseUrl] = process.argv.slice(2) as [string];
const database = await connect({ databaseUrl });
try {
  const [median] = await queryRows<{ day: string }>(
    database.db,
    sql`SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM report_revisions ORDER BY received_at OFFSET (SELECT count(*) / 2 FROM report_revisions) LIMIT 1`,
  );
  const asOf = `${Number(median!.day.slice(0, 4)) + 1}${median!.day.slice(4)}`;
  const started = performance.now();
  const { outcome, compacted, walCleared } = await runHubRetention(database, { asOf, at: new Date(), logger: createJsonLogger(process.stderr, systemClock) });
  const seconds = (performance.now() - started) / 1000;
  // A run whose rewrite gave up waiting for a table measured only the purge.
  if (!compacted) throw new Error('the retention run could not rewrite the purged tables: another session held one');
  console.log(JSON.stringify({ seconds, purged: outcome.purged, kept: outcome.kept, rate: outcome.purged / seconds, walCleared, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await database.close();
}
