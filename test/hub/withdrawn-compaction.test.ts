/**
 * A withdrawal redacts the report on the hub in its transaction, but the rows as they were stay readable in the
 * database's files (dead tuples, the write-ahead log) until the tables are rewritten: the hub does that soon after
 * (src-hub/retention/redaction-compaction.ts). Proven by searching the database's own files byte for byte.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { folderHolds } from '../support/raw-bytes';
import { filedRecord, withdrawal } from '../support/records';
import { BACKENDS, databaseFiles, freshDatabase, startTestHub } from './harness';

const OFFICER = 'agent.grutto';

/** A hub holding a report and a note quoting it, then told of the report's withdrawal. */
async function withdrawnOnHub(backend: (typeof BACKENDS)[number], redactionCompactionDelayMs: number, phrase: string) {
  const database = await freshDatabase(backend);
  const hub = await startTestHub(backend, { database, redactionCompactionDelayMs });
  const record = filedRecord({ incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
  const caseId = randomUUID();
  expect((await hub.postNdjson([record])).imported).toBe(1);
  const mutations = [
    { id: randomUUID(), kind: 'case.create', officer: OFFICER, at: '2026-11-01T09:00:00Z', payload: { caseId, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [record.reportId] } },
    { id: randomUUID(), kind: 'note.add', officer: OFFICER, at: '2026-11-01T09:01:00Z', payload: { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: `Melder schreef: Ik woon aan de ${phrase} en betaalde vooruit.` } },
  ] as AnyMutation[];
  expect((await hub.push(mutations)).status).toBe(200);
  const files = await databaseFiles(hub, database);
  await hub.database.db.execute(sql`CHECKPOINT`);
  expect(folderHolds(files, phrase)).toBe(true);
  expect((await hub.postNdjson([withdrawal(record, 2)])).updated).toBe(1);
  await hub.database.db.execute(sql`CHECKPOINT`);
  return { hub, files };
}

describe.each(BACKENDS)('a withdrawal’s redaction leaves nothing in the hub’s files (%s)', (backend) => {
  it('without a compaction yet, the old rows are still in the files (the honest twin: what the compaction is for)', async () => {
    const phrase = 'Gruttostraat zesenveertig bij het gemaal';
    const { hub, files } = await withdrawnOnHub(backend, 3_600_000, phrase);
    try {
      expect(folderHolds(files, phrase)).toBe(true);
    } finally {
      await hub.close();
    }
  }, 60_000);

  it('rewrites the redacted tables soon after: neither the report’s words nor the note’s quote stay in any file', async () => {
    const phrase = 'Tureluurhof zevenenvijftig achter de kerk';
    const { hub, files } = await withdrawnOnHub(backend, 0, phrase);
    try {
      await expect.poll(() => folderHolds(files, phrase), { timeout: 30_000, interval: 250 }).toBe(false);
      // The report itself stays, withdrawn, and the hub goes on taking reports.
      expect((await hub.postNdjson([filedRecord()])).imported).toBe(1);
    } finally {
      await hub.close();
    }
  }, 60_000);
});
