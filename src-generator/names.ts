/**
 * Name pools. Dutch first and last names come from faker's `nl` locale data (read once, picked
 * with our own seeded generator, so faker's global state is never touched and picking is fast).
 */
import { faker as fakerNl } from '@faker-js/faker/locale/nl';
import type { Rng } from './random';

const person = fakerNl.rawDefinitions.person;

/** Names common in the Netherlands that the faker list lacks (Surinamese, Turkish, Moroccan, …). */
const EXTRA_LAST_NAMES = [
  'Yilmaz', 'Kaya', 'Demir', 'Şahin', 'El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Pinas', 'Nguyen', 'Tran',
  'Kowalski', 'Nowak', 'Rahman', 'Ramdin', 'Sewdien', 'Martina', 'Koster', 'Visser', 'Smit', 'Mulder', 'Vermeulen',
  'van den Berg', 'van der Linden', 'van Beek', 'de Graaf', 'Peters', 'Hoekstra', 'Postma', 'Bosma', 'Wijnands',
];
const EXTRA_FEMALE = ['Fatima', 'Ayşe', 'Samira', 'Priya', 'Anneke', 'Wilma', 'Gerda', 'Ria', 'Corrie', 'Marian', 'Ingrid'];
const EXTRA_MALE = ['Mohamed', 'Mehmet', 'Youssef', 'Rajesh', 'Henk', 'Gerrit', 'Kees', 'Wim', 'Jan', 'Piet', 'Hans', 'Ad'];

function fromFaker(list: readonly string[] | undefined, fallback: readonly string[]): readonly string[] {
  return list && list.length > 0 ? list : fallback;
}

export const DUTCH_FEMALE_NAMES: readonly string[] = [...fromFaker(person?.first_name?.female, ['Anna', 'Sanne']), ...EXTRA_FEMALE];
export const DUTCH_MALE_NAMES: readonly string[] = [...fromFaker(person?.first_name?.male, ['Jan', 'Daan']), ...EXTRA_MALE];
export const DUTCH_LAST_NAMES: readonly string[] = [
  ...fromFaker(person?.last_name?.generic, ['de Vries', 'Jansen']),
  ...EXTRA_LAST_NAMES,
];

export const ENGLISH_FIRST_NAMES = [
  'James', 'John', 'Michael', 'David', 'Robert', 'William', 'Richard', 'Thomas', 'Mark', 'Steven', 'Daniel', 'Paul',
  'Kevin', 'Brian', 'Jennifer', 'Sarah', 'Linda', 'Emily', 'Jessica', 'Olivia', 'Sophia', 'Emma', 'Anthony', 'George',
];
export const ENGLISH_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore',
  'Martin', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott',
  'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Collins',
];

export interface PersonName {
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
  /** Lower-case ASCII forms for e-mail addresses and handles ("de Vries" → "devries"). */
  readonly firstSlug: string;
  readonly lastSlug: string;
}

/** Slugs of a pool, computed once (parallel to the pool). */
const slugsOf = (pool: readonly string[]) => pool.map((name) => asciiSlug(name));
let poolSlugs: Map<readonly string[], string[]> | undefined;
function slugs(pool: readonly string[]): string[] {
  poolSlugs ??= new Map();
  let list = poolSlugs.get(pool);
  if (!list) poolSlugs.set(pool, (list = slugsOf(pool)));
  return list;
}

/** A first name from `firsts` and a last name from `lasts` (pools are module constants, so their slugs are cached). */
function fromPools(rng: Rng, firsts: readonly string[], lasts: readonly string[], female: (first: string) => boolean): PersonName {
  const i = Math.floor(rng.float() * firsts.length);
  const j = Math.floor(rng.float() * lasts.length);
  const first = firsts[i] as string;
  return { first, last: lasts[j] as string, female: female(first), firstSlug: slugs(firsts)[i] as string, lastSlug: slugs(lasts)[j] as string };
}

const always = () => true;
const never = () => false;
const englishFemale = (first: string) => ENGLISH_FEMALE.has(first);

export function dutchPerson(rng: Rng, female = rng.chance(0.5)): PersonName {
  return female ? fromPools(rng, DUTCH_FEMALE_NAMES, DUTCH_LAST_NAMES, always) : fromPools(rng, DUTCH_MALE_NAMES, DUTCH_LAST_NAMES, never);
}

const ENGLISH_FEMALE = new Set(['Jennifer', 'Sarah', 'Linda', 'Emily', 'Jessica', 'Olivia', 'Sophia', 'Emma']);
const ENGLISH_MALE_NAMES = ENGLISH_FIRST_NAMES.filter((name) => !ENGLISH_FEMALE.has(name));

/** An English-sounding name; `female: false` gives a man's name. */
export function englishPerson(rng: Rng, female?: boolean): PersonName {
  return fromPools(rng, female === false ? ENGLISH_MALE_NAMES : ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES, englishFemale);
}

/** "de Vries" → "De Vries" (Dutch capitalises the prefix when no first name precedes it). */
export function capitaliseLast(last: string): string {
  return last.charAt(0).toUpperCase() + last.slice(1);
}

/** Lower-case ASCII form for e-mail local parts: "de Vries" → "devries", "Şahin" → "sahin". */
const slugCaches = new Map<string, Map<string, string>>();

export function asciiSlug(text: string, separator = ''): string {
  let cache = slugCaches.get(separator);
  if (!cache) {
    cache = new Map();
    slugCaches.set(separator, cache);
  }
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const slug = slugify(text, separator);
  // Names come from bounded pools; the cap keeps odd inputs from growing the cache.
  if (cache.size < 10_000) cache.set(text, slug);
  return slug;
}

function slugify(text: string, separator: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ş/gi, 's')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator || '-'}|\\${separator || '-'}$`, 'g'), '');
}

/** How a person's name is written: "J. de Vries", "Jan de Vries", "De Vries, J.", … */
export function displayName(rng: Rng, name: PersonName): string {
  const initial = `${name.first.charAt(0)}.`;
  const r = rng.float();
  if (r < 0.35) return `${initial} ${name.last}`;
  if (r < 0.8) return `${name.first} ${name.last}`;
  if (r < 0.85) return `${capitaliseLast(name.last)}, ${initial}`;
  if (r < 0.89) return `${initial}${String.fromCharCode(65 + rng.int(0, 25))}. ${name.last}`;
  if (r < 0.92) return `${name.first} ${name.last}`.toUpperCase();
  if (r < 0.95) return `${name.first} ${name.last}`.toLowerCase();
  return `${name.first} ${name.last}-${capitaliseLast(rng.pick(DUTCH_LAST_NAMES))}`;
}
