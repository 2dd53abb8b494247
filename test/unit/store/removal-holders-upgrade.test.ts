/**
 * `purged_holders` held withdrawals as well as purges (the report writer's, with their cause): it is `removal_holders`
 * now, its day `removed_on`. A store from before keeps every row, and what the local write path refuses by them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/db/open-store';
import { createRemovalHolders } from '../../../src-main/db/removal-holders';
import { migrationsBefore } from '../../support/older-migrations';
import { tempDir } from '../../support/temp-store';

describe('upgrading a store whose removal holders were called purged holders', () => {
  it('keeps every holder with its day and cause under the new names', () => {
    const path = join(tempDir(), 'old.db');
    const old = openStore({ path, migrationsFolder: migrationsBefore('_removal_holders') });
    old.sqlite
      .prepare(
        `INSERT INTO purged_holders (subject, purged_on, cause) VALUES
           ('case:c-1', '2031-04-03', 'purged'), ('action:a-1', '2026-11-02', 'withdrawn'), ('report:IA-2026-0000015', '2026-11-02', 'withdrawn')`,
      )
      .run();
    old.close();

    const store = openStore({ path });
    try {
      expect(store.sqlite.prepare('SELECT subject, removed_on AS removedOn, cause FROM removal_holders ORDER BY subject').all()).toEqual([
        { subject: 'action:a-1', removedOn: '2026-11-02', cause: 'withdrawn' },
        { subject: 'case:c-1', removedOn: '2031-04-03', cause: 'purged' },
        { subject: 'report:IA-2026-0000015', removedOn: '2026-11-02', cause: 'withdrawn' },
      ]);
      // Read by the module that owns them, as the feed applier and the local write path read them.
      expect(createRemovalHolders(store.sqlite).removal('action:a-1')).toEqual({ removedOn: '2026-11-02', cause: 'withdrawn' });
      expect(store.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'purged_holders'").pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
