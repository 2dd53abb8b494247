/**
 * Synthetic intake records for the browser tests: a background of generated reports (the project's own
 * generator, deterministic by seed) and hand-made reports where a test needs a particular shared IBAN or payload.
 * All data is synthetic.
 */
import type { IntakeRecord } from '../../../shared/intake/schema';
import { createReportGenerator } from '../../../src-generator';

/** `count` generated filed reports (no revisions or withdrawals: a test counts on what it posted). */
export function generatedRecords(count: number, seed: string): IntakeRecord[] {
  const generator = createReportGenerator({ seed, revisions: false, withdrawals: false });
  return Array.from({ length: count }, () => generator.next());
}

/** A filed report with sensible defaults; hand-made ids start at IA-2026-9000000, far above generated ones. */
export function handMadeRecord(id: number, overrides: Partial<IntakeRecord>): IntakeRecord {
  return {
    schema: 'intake-report/1',
    reportId: `IA-2026-${String(9_000_000 + id).padStart(7, '0')}`,
    revision: 1,
    status: 'filed',
    receivedAt: '2026-11-20T10:00:00Z',
    channel: 'internet',
    kind: 'aangifte',
    category: 'marketplace_fraud',
    region: 'Midden-Nederland',
    reporter: { type: 'person', name: 'T. Testpersoon', email: `melder${id}@example.org`, phone: `06-1111${String(id).padStart(4, '0')}` },
    incident: { summary: 'Betaald, niets ontvangen', narrative: 'Ik heb betaald maar niets ontvangen.' },
    payments: [],
    suspect: {},
    ...overrides,
  };
}

/** A valid (mod-97) synthetic IBAN that the generator does not produce. */
export const SHARED_IBAN = 'NL91ABNA0417164300';
/** A word no generated report contains, to find the cluster's reports by search. */
export const CLUSTER_WORD = 'kwartelkoning';

export interface IbanCluster {
  records: IntakeRecord[];
  /** Two marketplace reports (found by the category filter and the word), and one webshop report. */
  ids: { first: string; second: string; webshop: string };
}

/**
 * Three reports that share only SHARED_IBAN, each in a different field and typed differently: the first as the
 * beneficiary account of a payment, the second in the suspect's bank accounts, the third in the narrative.
 */
export function ibanCluster(): IbanCluster {
  const first = handMadeRecord(101, {
    receivedAt: '2026-11-18T09:12:00Z',
    incident: {
      summary: `Fiets via Marktplaats betaald, nooit geleverd (${CLUSTER_WORD})`,
      narrative: `Ik kocht een fiets bij verkoper ${CLUSTER_WORD}88 en maakte 350 euro over. Daarna hoorde ik niets meer.`,
      contactMethod: 'website',
    },
    payments: [{ at: '2026-11-17T20:00:00+01:00', amount: '350.00', currency: 'EUR', method: 'bank_transfer', beneficiaryName: 'R. Visser', beneficiaryAccount: 'NL91 ABNA 0417 1643 00' }],
  });
  const second = handMadeRecord(102, {
    receivedAt: '2026-11-19T14:40:00Z',
    region: 'Oost-Nederland',
    incident: {
      summary: `Spelcomputer betaald, verkoper ${CLUSTER_WORD} reageert niet meer`,
      narrative: 'Via Marktplaats een spelcomputer gekocht. Na betaling werd ik geblokkeerd.',
      contactMethod: 'website',
    },
    payments: [{ amount: '220.00', currency: 'EUR', method: 'ideal' }],
    suspect: { names: ['Rick'], bankAccounts: ['nl91abna0417164300'] },
  });
  const webshop = handMadeRecord(103, {
    receivedAt: '2026-11-20T08:05:00Z',
    category: 'webshop_fraud',
    region: 'Amsterdam',
    incident: {
      summary: 'Webshop leverde de bestelde airfryer nooit',
      narrative: `Ik bestelde een airfryer bij webshop ${CLUSTER_WORD}-deals en betaalde 89 euro naar ${SHARED_IBAN}. De webshop is nu offline.`,
      contactMethod: 'website',
    },
  });
  return { records: [first, second, webshop], ids: { first: first.reportId, second: second.reportId, webshop: webshop.reportId } };
}

/** The reports' received stamp for "now", so that they sort first in the queue (newest first). */
export const nowStamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
