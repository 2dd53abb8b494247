import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeSpikes } from '../../../src-main/overview/spikes';
import { DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { AS_OF, quietRecords } from './support';

const settings = DEFAULT_OVERVIEW_SETTINGS.spikes;
const CAMPAIGN_IBAN = 'NL23BUNQ2025123456';

/** A campaign: `count` reports over the last three days, all paying to one new mule account. */
function campaign(count: number): IntakeRecord[] {
  return Array.from({ length: count }, (_, index) =>
    filedRecord({
      receivedAt: `2026-11-${String(18 + (index % 3)).padStart(2, '0')}T1${index % 10}:00:00Z`,
      category: 'bank_helpdesk_fraud',
      incident: { summary: 'Gebeld door de bank', narrative: 'Een medewerker van de bank liet mij geld overmaken naar een veilige rekening.' },
      payments: [{ amount: '2500.00', currency: 'EUR', beneficiaryAccount: CAMPAIGN_IBAN }],
      suspect: { bankAccounts: [CAMPAIGN_IBAN] },
    }),
  );
}

async function spikesOf(records: readonly IntakeRecord[]) {
  const temp = openTempStore();
  await temp.importRecords(records);
  return computeSpikes(temp.store.sqlite, AS_OF, settings, null);
}

describe('spikes (Poisson tail against each indicator and cluster its own baseline)', () => {
  it('finds an injected campaign on top of a quiet store, ranked first with its sparkline and reports', async () => {
    const injected = campaign(12);
    const spikes = await spikesOf([...quietRecords(1500, 3), ...injected]);
    const iban = spikes.find((spike) => spike.type === 'iban' && spike.value === CAMPAIGN_IBAN);
    const lambda = (1 * settings.recentDays) / settings.baselineDays;
    expect(iban).toMatchObject({ recent: 12, baseline: Math.round(lambda * 100) / 100 });
    // P(X ≥ 12) summed term by term with plain factorials, a different path from the overview's log-space sum.
    let tail = 0;
    for (let k = 12, factorial = 479_001_600; k < 40; k += 1, factorial *= k) tail += (Math.exp(-lambda) * lambda ** k) / factorial;
    expect(iban!.score).toBeCloseTo(-Math.log10(tail), 1);
    expect(new Set(iban!.reportIds)).toEqual(new Set(injected.map((record) => record.reportId)));
    expect(iban!.sparkline).toHaveLength(settings.baselineDays + settings.recentDays);
    expect(iban!.sparkline.slice(-3)).toEqual([4, 4, 4]);
    expect(iban!.sparkline.slice(0, -3).every((count) => count === 0)).toBe(true);
    expect(spikes[0]!.score).toBeGreaterThanOrEqual(iban!.score);
    expect(spikes.slice(0, 2).map((spike) => spike.type)).toContain('iban');
    // The campaign's reports are one cluster too, and it rises as much.
    expect(spikes.some((spike) => spike.type === 'cluster' && injected.some((record) => record.reportId === spike.value))).toBe(true);
  });

  it('a small burst (fewer reports than the minimum) is no spike', async () => {
    const spikes = await spikesOf([...quietRecords(300, 4), ...campaign(settings.minRecent - 1)]);
    expect(spikes.some((spike) => spike.value === CAMPAIGN_IBAN)).toBe(false);
  });

  it('raises (almost) no false alarms on quiet stores: measured over several seeds', async () => {
    const seeds = [21, 22, 23, 24];
    const alarms: number[] = [];
    for (const seed of seeds) alarms.push((await spikesOf(quietRecords(1500, seed))).length);
    const rate = alarms.reduce((sum, count) => sum + count, 0) / seeds.length;
    console.info(`spike false alarms per quiet store (1500 reports, ${seeds.length} seeds): ${alarms.join(', ')} → ${rate}`);
    expect(rate).toBeLessThanOrEqual(0.5);
    // Four imports of 1,500 reports: ~15 s alone, up to ~50 s beside a loaded machine's other suites.
  }, 120_000);
});
