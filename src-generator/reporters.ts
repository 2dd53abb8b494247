/** Synthetic reporters (victims): persons and organisations with Dutch addresses, phones and e-mail. */
import type { Reporter } from '../shared/intake/schema';
import { dutchLandline, dutchMobile, formatPhone } from './identifiers/phone';
import { asciiSlug, capitaliseLast, displayName, dutchPerson, type PersonName } from './names';
import { PLACE_TABLE, STREETS, postcodeLetters, type Place } from './places';
import { weightedTable, type Rng } from './random';

export type AgeGroup = 'young' | 'adult' | 'older';

export interface ReporterProfile {
  readonly reporter: Reporter;
  /** Police unit from the postcode, or undefined when the portal could not derive it. */
  readonly region: string | undefined;
  readonly name: PersonName;
  readonly isOrganisation: boolean;
  readonly organisationName: string | undefined;
  readonly place: Place;
}

/**
 * Reporters' e-mail local parts carry at most two digits; fraudsters' personal addresses
 * carry three or more (see campaigns), so a reporter's address never equals a suspect's.
 */
const MAIL_DOMAINS = weightedTable<string>([
  ['gmail.com', 30],
  ['hotmail.com', 18],
  ['outlook.com', 8],
  ['ziggo.nl', 10],
  ['kpnmail.nl', 8],
  ['live.nl', 5],
  ['home.nl', 4],
  ['planet.nl', 3],
  ['xs4all.nl', 3],
  ['icloud.com', 5],
  ['hetnet.nl', 2],
  ['yahoo.com', 2],
  ['telfort.nl', 1],
]);

const SECTORS = [
  'Installatietechniek', 'Bouw', 'Transport', 'Accountants', 'Tandartsenpraktijk', 'Advocaten', 'Administratiekantoor',
  'Metaaltechniek', 'Schilderwerken', 'Dierenkliniek', 'Fysiotherapie', 'Makelaardij', 'Autobedrijf', 'Logistiek',
  'Kinderopvang', 'Bakkerij', 'Huisartsenpraktijk', 'Elektrotechniek', 'Hoveniers', 'IT Services', 'Zorggroep',
];
const LEGAL_FORMS = ['B.V.', 'B.V.', 'B.V.', 'V.O.F.', '', 'Holding B.V.'];
const ROLES = ['eigenaar', 'directeur', 'IT-beheer', 'office manager', 'namens de directie', 'systeembeheerder'];
const HOUSE_SUFFIXES = ['', '', '', '', '', '', 'A', 'a', 'B', '-2', '-1', ' hs', '-3', ' bis', ' II'];

const AGE_RANGES: Record<AgeGroup, readonly [number, number]> = {
  young: [16, 38],
  adult: [22, 72],
  older: [55, 89],
};

function postalCode(rng: Rng, place: Place): string {
  const number = rng.int(place.postcodes[0], place.postcodes[1]);
  const letters = postcodeLetters(rng.int(0, 399), rng.int(0, 399));
  const r = rng.float();
  if (r < 0.84) return `${number} ${letters}`;
  if (r < 0.97) return `${number}${letters}`;
  return `${number} ${letters.toLowerCase()}`;
}

function birthDate(rng: Rng, nowMs: number, group: AgeGroup): string {
  const [min, max] = AGE_RANGES[group];
  const age = rng.int(min, max);
  const year = new Date(nowMs).getUTCFullYear() - age - 1;
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : 30);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function personalEmail(rng: Rng, name: PersonName, birth: string): string {
  const first = name.firstSlug;
  const last = name.lastSlug;
  const yy = birth.slice(2, 4);
  const r = rng.float();
  let local: string;
  if (r < 0.3) local = `${first}.${last}`;
  else if (r < 0.5) local = `${first.charAt(0)}.${last}`;
  else if (r < 0.65) local = `${first}${last}`;
  else if (r < 0.8) local = `${first}.${last}${yy}`;
  else if (r < 0.9) local = `${first.charAt(0)}${last}${yy}`;
  else local = `${first}_${last}`;
  return `${local}@${rng.weighted(MAIL_DOMAINS)}`;
}

function address(rng: Rng, place: Place) {
  return {
    street: rng.pick(STREETS),
    houseNumber: `${rng.chance(0.7) ? rng.int(1, 80) : rng.int(81, 350)}${rng.pick(HOUSE_SUFFIXES)}`,
    postalCode: postalCode(rng, place),
    city: place.city,
  };
}

export function createReporter(rng: Rng, nowMs: number, options: { organisation: boolean; age: AgeGroup }): ReporterProfile {
  const place = rng.weighted(PLACE_TABLE);
  const name = dutchPerson(rng);
  const region = rng.chance(0.94) ? place.unit : undefined;

  if (options.organisation) {
    const companyBase = rng.chance(0.6) ? capitaliseLast(name.last) : capitaliseLast(place.city);
    const legal = rng.pick(LEGAL_FORMS);
    const organisationName = `${companyBase} ${rng.pick(SECTORS)}${legal ? ` ${legal}` : ''}`;
    const slug = asciiSlug(organisationName.replace(/\b(B\.V\.|V\.O\.F\.|Holding)\b/g, ''), '-');
    const role = rng.pick(ROLES);
    const reporter: Reporter = {
      type: 'organisation',
      name: rng.chance(0.5) ? `${name.first.charAt(0)}. ${name.last} (${role})` : `${name.first} ${name.last}, ${role}`,
      email: rng.chance(0.7) ? `${rng.pick(['info', 'administratie', 'ict', 'directie'])}@${slug}.nl` : `${name.firstSlug}@${slug}.nl`,
      phone: formatPhone(rng, dutchLandline(rng, place.areaCode)),
      organisation: { name: organisationName, kvkNumber: `${rng.int(1, 9)}${rng.digits(7)}` },
      address: { ...address(rng, place), street: rng.chance(0.5) ? rng.pick(['Industrieweg', 'Nijverheidsweg', 'Handelsweg', 'Edisonstraat', 'Zuiderzeestraat']) : rng.pick(STREETS) },
    };
    return { reporter, region, name, isOrganisation: true, organisationName, place };
  }

  const birth = birthDate(rng, nowMs, options.age);
  const reporter: Reporter = { type: 'person', name: displayName(rng, name) };
  if (rng.chance(0.93)) reporter.birthDate = birth;
  if (rng.chance(0.9)) reporter.email = personalEmail(rng, name, birth);
  if (rng.chance(0.85)) {
    const landline = options.age === 'older' ? 0.45 : 0.1;
    reporter.phone = formatPhone(rng, rng.chance(landline) ? dutchLandline(rng, place.areaCode) : dutchMobile(rng, 'reporter'));
  }
  if (rng.chance(0.85)) reporter.address = address(rng, place);
  return { reporter, region, name, isOrganisation: false, organisationName: undefined, place };
}
