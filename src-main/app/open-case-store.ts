import type { Clock } from '../../shared/platform/clock';
import { chainUnhashedEntries } from '../audit/audit-chain';
import { seedDefaultBenignList } from '../benign/benign-list';
import { openStore, type CaseStore, type OpenStoreOptions } from '../db/open-store';
import { settleKeptCountsDeferral } from '../db/reports/writes';
import { seedDefaultDirectory } from '../requests/directory-seed';
import { forgetBuriedListings } from '../retention/buried-listings';
import { seedDefaultRoutingRules } from '../routing/seed-default-rules';

/**
 * Opens a case store ready for work: migrated (the data floor's job), then given the shipped defaults each
 * service owns — the benign list, the routing rules, the directory of addressees — once, when they were never
 * seeded; the audit entries of a store from before the audit chain are chained, and the past request lists of one
 * from before they were kept name no report purged here. Every composition (the desktop,
 * browser mode, the CLI) opens stores through here.
 */
export function openCaseStore(options: OpenStoreOptions & { clock: Clock }): CaseStore {
  const store = openStore(options);
  try {
    chainUnhashedEntries(store.sqlite);
    // An import that died before its end left its reports to a deferral's settling (one still running in another
    // process has them counted now, and holds a new deferral at its next batch).
    settleKeptCountsDeferral(store.sqlite);
    forgetBuriedListings(store.sqlite);
    // One timestamp for all shipped defaults of the store.
    const seededAt = options.clock.now().toISOString();
    seedDefaultBenignList(store.sqlite, seededAt);
    seedDefaultRoutingRules(store.sqlite, seededAt);
    seedDefaultDirectory(store.sqlite, seededAt);
    return store;
  } catch (error) {
    store.close();
    throw error;
  }
}
