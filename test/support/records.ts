import { readFileSync } from 'node:fs';
import type { IntakeRecord } from '../../shared/intake/schema';
import { EXAMPLES_NDJSON } from './paths';

/** The contract's own examples, as text and parsed. */
export const examplesText = () => readFileSync(EXAMPLES_NDJSON, 'utf8');
export const exampleRecords = (): IntakeRecord[] =>
  examplesText()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as IntakeRecord);

let sequence = 0;

/** A synthetic filed report; suspect data and narrative decide what it links through. */
export function filedRecord(overrides: Partial<IntakeRecord> & { suspect?: IntakeRecord['suspect'] } = {}): IntakeRecord {
  sequence += 1;
  return {
    schema: 'intake-report/1',
    reportId: `IA-2026-${String(9_000_000 + sequence).padStart(7, '0')}`,
    revision: 1,
    status: 'filed',
    receivedAt: '2026-04-01T10:00:00Z',
    channel: 'internet',
    kind: 'aangifte',
    category: 'marketplace_fraud',
    region: 'Midden-Nederland',
    reporter: { type: 'person', name: 'T. Testpersoon', phone: '06-11111111', email: 'test.persoon@example.org' },
    incident: { summary: 'Betaald, niets ontvangen', narrative: 'Ik heb betaald voor een fiets maar niets ontvangen.' },
    payments: [],
    suspect: {},
    ...overrides,
  };
}

export function withdrawal(record: IntakeRecord, revision: number, receivedAt = '2026-06-01T10:00:00Z'): IntakeRecord {
  return {
    schema: 'intake-report/1',
    reportId: record.reportId,
    revision,
    status: 'withdrawn',
    receivedAt,
    channel: record.channel,
    kind: record.kind,
    category: record.category,
  };
}

/** Valid (mod-97) synthetic Dutch IBANs for tests. */
export const IBANS = {
  muleA: 'NL91ABNA0417164300',
  muleB: 'NL20INGB0001234567',
  muleC: 'NL44RABO0123456789',
  muleD: 'NL23BUNQ2025123456',
} as const;
