import type { IntakeRecord } from '../../../shared/intake/schema';
import { filedRecord, IBANS, withdrawal } from '../../support/records';

/** A small deterministic generator (mulberry32): the same seed gives the same mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHONES = ['06-12345601', '06-12345602', '06-12345603', '06-12345604', '06-12345605', '06-12345606'];
const SITES = ['https://fietsen-koopje.nl/bestel', 'hxxps://ing-verificatie[.]nl/login', 'https://marktplaats-veilig.shop/pay'];
const ACCOUNTS = Object.values(IBANS);

function suspectFor(random: () => number): IntakeRecord['suspect'] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const suspect: NonNullable<IntakeRecord['suspect']> = {};
  if (random() < 0.5) suspect.bankAccounts = [pick(ACCOUNTS)];
  if (random() < 0.4) suspect.phoneNumbers = [pick(PHONES)];
  if (random() < 0.3) suspect.websites = [pick(SITES)];
  return suspect;
}

/**
 * `count` reports linking through a small pool of indicators; some revised (new indicators), some withdrawn
 * (at revision 2 or 3). Every revision is its own record; the list is shuffled, so revisions often arrive
 * before the ones they replace.
 */
export function reportMix(count: number, seed: number): IntakeRecord[] {
  const random = seededRandom(seed);
  const records: IntakeRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const first = filedRecord({ suspect: suspectFor(random), region: random() < 0.5 ? 'Oost-Brabant' : 'Midden-Nederland' });
    records.push(first);
    let revision = 1;
    if (random() < 0.3) {
      revision += 1;
      records.push({ ...first, revision, receivedAt: `2026-04-0${revision}T10:00:00Z`, suspect: suspectFor(random) });
    }
    if (random() < 0.2) records.push(withdrawal(first, revision + 1));
  }
  for (let index = records.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [records[index], records[other]] = [records[other]!, records[index]!];
  }
  return records;
}
