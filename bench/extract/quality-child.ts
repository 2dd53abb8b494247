// Child: extraction quality of one extractor on a messy generated set, against the truth of its clean twin.
// argv: <extract-record module> <clean ndjson> <messy ndjson>. The module is this tree's or a baseline tree's.
import { readFileSync } from 'node:fs';
import { extractIndicators as truthExtractor } from '../../shared/indicators/extract-record';
import type { ExtractedMention } from '../../shared/indicators/types';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { MessyTruth } from '../../src-generator';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const [modulePath, cleanFile, messyFile] = process.argv.slice(2) as [string, string, string];
const { extractIndicators } = (await import(modulePath)) as { extractIndicators: (record: IntakeRecord) => ExtractedMention[] };

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
const clean = lines(cleanFile).map((line) => JSON.parse(line) as IntakeRecord);
const messy = lines(messyFile).map((line) => JSON.parse(line) as IntakeRecord);
if (clean.length !== messy.length) throw new Error('the clean and the messy set differ in length');

const byType: Record<string, Counts> = {};
const byForm: Record<string, Counts> = {};
const bump = (table: Record<string, Counts>, key: string, field: keyof Counts, by = 1) => {
  table[key] ??= { tp: 0, fp: 0, fn: 0 };
  table[key][field] += by;
};
const values = (mentions: ExtractedMention[]) => new Set(mentions.map((mention) => `${mention.type}\u0000${mention.value}`));

let ownTaken = 0;
let ownNamed = 0;
let seconds = 0;
for (let i = 0; i < clean.length; i++) {
  const annotation = messy[i]!['x-generator'] as { messy?: MessyTruth } | undefined;
  const truth = values(truthExtractor(clean[i]!));
  for (const added of annotation?.messy?.added ?? []) truth.add(`${added.type}\u0000${added.value}`);
  const own = new Set((annotation?.messy?.own ?? []).map((item) => `${item.type}\u0000${item.value}`));
  for (const key of own) truth.delete(key);
  const started = performance.now();
  const found = values(extractIndicators(messy[i]!));
  seconds += (performance.now() - started) / 1000;
  const forms = annotation?.messy?.forms ?? [];
  const count = (key: string, field: keyof Counts) => {
    bump(byType, key.slice(0, key.indexOf('\u0000')), field);
    for (const form of forms) bump(byForm, form, field);
  };
  for (const key of found) count(key, truth.has(key) ? 'tp' : 'fp');
  for (const key of truth) if (!found.has(key)) count(key, 'fn');
  ownNamed += own.size;
  for (const key of own) if (found.has(key)) ownTaken++;
}
console.log(JSON.stringify({ records: clean.length, byType, byForm, ownNamed, ownTaken, seconds }));
