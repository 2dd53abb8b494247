/**
 * Messy typing (issue 17): what real reports contain beyond the tidy forms. A messy report gets one to three of:
 * - `fullwidth`: digits typed full-width (phones with an Asian keyboard, some apps) in the narrative and fields;
 * - `invisible`: zero-width spaces/joiners, BOMs and bidi marks copied along inside numbers and accounts;
 * - `spaces`: non-breaking, narrow and thin spaces between digit groups;
 * - `email`: addresses written out (`name at domain.com`, `name [at] domain [dot] com`, `name(at)domain.com`,
 *   `name @ domain.com`);
 * - `remote`: a remote-access ID told in prose, in the sentence after the tool's name;
 * - `own`: the victim names their own account or number ("vanaf mijn eigen rekening NL…").
 * The first four only re-type what is there (an extractor must find exactly the same values); `remote` adds an
 * indicator and `own` a value that is the reporter's, never the suspect's. Both are returned as the truth.
 */
import type { IntakeRecord } from '../shared/intake/schema';
import { consumerIban, formatIban } from './identifiers/iban';
import { dutchMobile, formatPhone } from './identifiers/phone';
import type { Rng } from './random';

export const MESSY_FORMS = ['fullwidth', 'invisible', 'spaces', 'email', 'remote', 'own'] as const;
export type MessyForm = (typeof MESSY_FORMS)[number];

export interface MessyTruth {
  forms: MessyForm[];
  /** Indicators the messy pass added (canonical type and value). */
  added: Array<{ type: string; value: string }>;
  /** Values the messy pass named as the reporter's own: never a suspect's indicator. */
  own: Array<{ type: string; value: string }>;
}

const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u200E', '\u200F', '\u2060'];
const SPACES = ['\u00A0', '\u202F', '\u2009', '\u2007'];

/** Every string a victim typed: narrative, summary, the suspect lists, payments, the remote-access ID. */
function typedStrings(record: IntakeRecord, change: (text: string) => string): void {
  const incident = record.incident;
  if (incident?.narrative) incident.narrative = change(incident.narrative);
  if (incident?.summary) incident.summary = change(incident.summary);
  const suspect = record.suspect;
  if (suspect) {
    for (const [key, list] of Object.entries(suspect)) {
      if (Array.isArray(list)) suspect[key] = list.map((item: unknown) => (typeof item === 'string' ? change(item) : item));
    }
  }
  for (const payment of record.payments ?? []) {
    if (payment.beneficiaryAccount) payment.beneficiaryAccount = change(payment.beneficiaryAccount);
    if (payment.reference) payment.reference = change(payment.reference);
  }
  if (record.remoteAccess?.id) record.remoteAccess.id = change(record.remoteAccess.id);
}

const fullWidth = (digit: string): string => String.fromCharCode(0xff10 + Number(digit));

/** Runs of digits (with the separators inside numbers) get full-width digits, whole or in part. */
function typeFullWidth(rng: Rng, text: string): string {
  return text.replace(/\d[\d .-]*\d/g, (run) => (rng.chance(0.6) ? run.replace(/\d/g, fullWidth) : run));
}

/** An invisible character now and then inside numbers and account numbers (after a digit or capital). */
function insertInvisibles(rng: Rng, text: string): string {
  return text.replace(/[0-9A-Z](?=[0-9A-Z ])/g, (char) => (rng.chance(0.12) ? char + rng.pick(INVISIBLES) : char));
}

/** A Unicode space for some spaces between digit groups. */
function unicodeSpaces(rng: Rng, text: string): string {
  return text.replace(/(?<=[\dA-Z]) (?=[\dA-Z])/g, (space) => (rng.chance(0.5) ? rng.pick(SPACES) : space));
}

const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** An address written out the way people hide it from harvesters or type it on a phone. */
function writeOutEmail(rng: Rng, email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const r = rng.float();
  if (r < 0.3) return `${local} at ${domain}`;
  if (r < 0.5) return `${local} [at] ${domain.replace(/\./g, ' [dot] ')}`;
  if (r < 0.65) return `${local}(at)${domain}`;
  if (r < 0.8) return `${local} @ ${domain}`;
  if (r < 0.9) return `${local} at ${domain.replace(/\./g, ' dot ')}`;
  return `${local}@ ${domain}`;
}

const REMOTE_TOOLS = ['AnyDesk', 'TeamViewer', 'RustDesk'] as const;

function spacedId(rng: Rng, id: string): string {
  const r = rng.float();
  if (r < 0.5) return id.replace(/(\d{3})(?=\d)/g, '$1 ');
  if (r < 0.65) return id.replace(/(\d{3})(?=\d)/g, '$1-');
  return id;
}

function remoteSentence(rng: Rng, english: boolean): { sentence: string; value: string } {
  const tool = rng.pick(REMOTE_TOOLS);
  const id = String(rng.int(1, 9)) + rng.digits(tool === 'TeamViewer' ? 9 : 8);
  const spaced = spacedId(rng, id);
  const sentence = english
    ? rng.pick([
        `He told me to install ${tool}. Then he asked for the ID, it was ${spaced}.`,
        `I had to download ${tool}; he connected with ID ${spaced}.`,
      ])
    : rng.pick([
        `Ik moest ${tool} installeren; hij maakte verbinding met ID ${spaced}.`,
        `Daarna moest ik ook nog ${tool} downloaden. Hij vroeg om de code ${spaced}.`,
        `Via ${tool} kwam hij op mijn computer, het nummer was ${spaced}.`,
      ]);
  return { sentence, value: `${tool.toLowerCase()}:${id}` };
}

function ownSentence(rng: Rng, english: boolean): { sentence: string; own: { type: string; value: string } } {
  if (rng.chance(0.7)) {
    const iban = consumerIban(rng).electronic;
    const typed = formatIban(rng, iban);
    const sentence = english
      ? rng.pick([`I paid from my own account ${typed}.`, `My account number is ${typed}.`, `The money left my bank account ${typed}.`])
      : rng.pick([
          `Ik heb betaald vanaf mijn eigen rekening ${typed}.`,
          `Het geld is van mijn rekening ${typed} afgeschreven.`,
          `Mijn rekeningnummer is ${typed}.`,
          `Ik betaalde met ${typed} (mijn eigen rekening).`,
        ]);
    return { sentence, own: { type: 'iban', value: iban } };
  }
  const phone = dutchMobile(rng, 'reporter');
  const typed = formatPhone(rng, phone);
  const sentence = english
    ? rng.pick([`You can reach me on ${typed}.`, `My phone number is ${typed}.`])
    : rng.pick([`Ik ben bereikbaar op ${typed}.`, `Mijn nummer is ${typed}.`, `Hij belde naar mijn mobiele nummer ${typed}.`]);
  return { sentence, own: { type: 'phone', value: phone.e164 } };
}

/** Types `record` messily in place (see the module comment) and returns what that did. */
export function typeMessily(rng: Rng, record: IntakeRecord, english: boolean): MessyTruth {
  const forms = rng.sample(MESSY_FORMS, rng.int(1, 3));
  const truth: MessyTruth = { forms, added: [], own: [] };
  const incident = record.incident;
  // Sentences first, so the re-typing passes reach them too.
  if (forms.includes('remote') && incident) {
    const { sentence, value } = remoteSentence(rng, english);
    incident.narrative = `${incident.narrative ?? ''} ${sentence}`.trim();
    truth.added.push({ type: 'remote_access', value });
  }
  if (forms.includes('own') && incident) {
    const { sentence, own } = ownSentence(rng, english);
    incident.narrative = `${incident.narrative ?? ''} ${sentence}`.trim();
    truth.own.push(own);
  }
  if (forms.includes('email')) typedStrings(record, (text) => text.replace(EMAIL_RE, (email) => writeOutEmail(rng, email)));
  if (forms.includes('spaces')) typedStrings(record, (text) => unicodeSpaces(rng, text));
  if (forms.includes('fullwidth')) typedStrings(record, (text) => typeFullWidth(rng, text));
  if (forms.includes('invisible')) typedStrings(record, (text) => insertInvisibles(rng, text));
  return truth;
}
