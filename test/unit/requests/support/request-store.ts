/** A real temp store with the demo officers and synthetic reports, and services with a fixed clock and ids. */
import type { IntakeRecord } from '../../../../shared/intake/schema';
import { seedDemoOfficers } from '../../../../src-main/app/officers';
import { fixedClock } from '../../../../shared/platform/clock';
import type { ServiceDeps } from '../../../../src-main/mutations';
import { filedRecord } from '../../../support/records';
import { openTempStore, type TempStore } from '../../../support/temp-store';
import { sequentialIds } from '../../../sync/support/mutation-fixtures';

export const SUPERVISOR = 'l.vermeer';
export const OFFICER = 's.bakker';
export const OTHER_OFFICER = 'e.yilmaz';
/** The workstation's "now": 2 November 2026. */
export const NOW = new Date('2026-11-02T09:00:00Z');

export interface RequestStore extends TempStore {
  deps: ServiceDeps;
}

export async function openRequestStore(records: readonly IntakeRecord[] = []): Promise<RequestStore> {
  const temp = openTempStore();
  seedDemoOfficers(temp.store.sqlite);
  if (records.length > 0) await temp.importRecords(records);
  return { ...temp, deps: { clock: fixedClock(NOW, 1000), newId: sequentialIds(7) } };
}

export const REPORTER = { type: 'person' as const, name: 'Annelies Testhuis', email: 'annelies.testhuis@example.org', phone: '06-22334455' };

/** A victim who paid the IBAN and wrote about it, naming herself, in her story. */
export function paidToIban(iban: string, overrides: Partial<IntakeRecord> = {}): IntakeRecord {
  return filedRecord({
    reporter: REPORTER,
    incident: {
      summary: 'Fiets betaald, niets ontvangen',
      narrative: `Mijn naam is Annelies Testhuis. De verkoper vroeg mij het geld over te maken naar ${iban}. Bel mij op 06 22 33 44 55 of mail annelies.testhuis@example.org.`,
      firstContactAt: '2026-03-10T12:00:00Z',
    },
    payments: [{ amount: '150.00', currency: 'EUR', beneficiaryAccount: iban }],
    suspect: { bankAccounts: [iban] },
    ...overrides,
  });
}
