/**
 * The Dutch texts a new request starts with: title, legal basis and body. Drafts only — the officer edits them
 * and a supervisor approves them; the letter adds the addressee, the evidence table and the totals itself, so
 * the body names no counts that a later bundle update would make stale.
 */
import type { RequestKind } from '../../shared/requests/lifecycle';
import type { CanonicalIndicator, IndicatorType } from '../../shared/indicators/types';
import { remoteToolName } from './dutch-labels';

const splitPrefixed = (value: string) => {
  const cut = value.indexOf(':');
  return { prefix: value.slice(0, cut), rest: value.slice(cut + 1) };
};

/** The indicator as a Dutch noun phrase without article, e.g. `bankrekening NL91ABNA0417164300`. */
export function describeIndicator(indicator: CanonicalIndicator): string {
  switch (indicator.type) {
    case 'iban':
      return `bankrekening ${indicator.value}`;
    case 'phone':
      return `telefoonnummer ${indicator.value}`;
    case 'url':
      return `webpagina ${indicator.value}`;
    case 'domain':
      return `domeinnaam ${indicator.value}`;
    case 'email':
      return `e-mailadres ${indicator.value}`;
    case 'remote_access': {
      const { prefix, rest } = splitPrefixed(indicator.value);
      return `${remoteToolName(prefix)}-ID ${rest}`;
    }
    case 'crypto': {
      const { prefix, rest } = splitPrefixed(indicator.value);
      return `${prefix.toUpperCase()}-adres ${rest}`;
    }
  }
}

const TITLE_PREFIX: Record<Exclude<RequestKind, 'prevention_warning'>, string> = {
  bank_block: 'Blokkeringsverzoek',
  phone_block: 'Blokkeringsverzoek',
  domain_takedown: 'Verzoek offline halen',
  remote_access_abuse: 'Misbruikmelding',
  email_abuse: 'Misbruikmelding',
  crypto_flag: 'Verzoek markering',
};

export function defaultTitle(kind: Exclude<RequestKind, 'prevention_warning'>, indicator: CanonicalIndicator): string {
  return `${TITLE_PREFIX[kind]} ${describeIndicator(indicator)}`;
}

const POLICE_DATA_BASIS =
  'Verstrekking van politiegegevens op grond van artikel 19 van de Wet politiegegevens (zwaarwegend algemeen belang: het voorkomen en opsporen van strafbare feiten), ' +
  'in het kader van de opsporing van oplichting (artikel 326 Wetboek van Strafrecht) en computervredebreuk (artikel 138ab Wetboek van Strafrecht).';

const LEGAL_BASIS_ADDITION: Record<RequestKind, string> = {
  bank_block: 'Het verzoek laat uw eigen afweging op grond van de Wet ter voorkoming van witwassen en financieren van terrorisme (Wwft) en uw voorwaarden onverlet.',
  phone_block: 'Het verzoek laat uw eigen afweging op grond van de Telecommunicatiewet en uw algemene voorwaarden onverlet.',
  domain_takedown: 'Het verzoek volgt de Gedragscode Notice-and-Take-Down; voor .nl-domeinnamen de Algemene voorwaarden voor .nl-registranten van SIDN.',
  remote_access_abuse: 'Het verzoek doet een beroep op uw gebruiksvoorwaarden, die misbruik van uw dienst voor fraude verbieden.',
  email_abuse: 'Het verzoek doet een beroep op uw gebruiksvoorwaarden, die misbruik van uw dienst voor fraude verbieden.',
  crypto_flag: 'Het verzoek laat uw eigen afweging op grond van de Wwft en de MiCA-verordening en uw voorwaarden onverlet.',
  prevention_warning: '',
};

export function defaultLegalBasis(kind: RequestKind): string {
  if (kind === 'prevention_warning') {
    return 'Publieksvoorlichting ter voorkoming van strafbare feiten (artikel 3 Politiewet 2012). De waarschuwing bevat geen persoonsgegevens van slachtoffers of verdachten.';
  }
  return `${POLICE_DATA_BASIS} ${LEGAL_BASIS_ADDITION[kind]}`;
}

const CLOSING = 'Wilt u bij uw antwoord ons kenmerk vermelden? Bij vragen kunt u contact opnemen met de afzender van deze brief.';
const EVIDENCE_NOTE = 'De meldingen en aangiften waarop dit verzoek steunt, staan in het overzicht hieronder, zonder persoonsgegevens van de slachtoffers.';

function requestBody(kind: Exclude<RequestKind, 'prevention_warning'>, subject: string): string[] {
  switch (kind) {
    case 'bank_block':
      return [
        `Bij de politie zijn meldingen en aangiften binnengekomen van burgers die geld hebben overgemaakt naar ${subject}, die bij uw bank wordt aangehouden. Uit deze meldingen blijkt dat de rekening wordt gebruikt om slachtoffers van oplichting te laten betalen.`,
        'Wij verzoeken u de rekening te blokkeren of als frauderekening te markeren, en ons te laten weten welke maatregel u heeft genomen.',
      ];
    case 'phone_block':
      return [
        `Bij de politie zijn meldingen en aangiften binnengekomen waarin ${subject} wordt genoemd. Met dit nummer worden burgers gebeld of berichten gestuurd om hen op te lichten.`,
        'Wij verzoeken u het nummer buiten gebruik te stellen en ons te laten weten welke maatregel u heeft genomen.',
      ];
    case 'domain_takedown':
      return [
        `Bij de politie zijn meldingen en aangiften binnengekomen over de ${subject}. Via deze website worden burgers opgelicht of worden hun inloggegevens buitgemaakt.`,
        'Wij verzoeken u de website offline te halen of de domeinnaam buiten werking te stellen, en ons te laten weten welke maatregel u heeft genomen.',
      ];
    case 'remote_access_abuse':
      return [
        `Bij de politie zijn meldingen en aangiften binnengekomen waarin ${subject} wordt genoemd. Oplichters namen hiermee op afstand de computer van slachtoffers over, vaak terwijl zij zich voordeden als medewerker van een bank of helpdesk.`,
        'Wij verzoeken u deze ID te blokkeren en ons te laten weten welke maatregel u heeft genomen.',
      ];
    case 'email_abuse':
      return [
        `Bij de politie zijn meldingen en aangiften binnengekomen waarin ${subject} wordt genoemd. Vanaf of via dit adres worden burgers benaderd om hen op te lichten.`,
        'Wij verzoeken u het account te blokkeren en ons te laten weten welke maatregel u heeft genomen.',
      ];
    case 'crypto_flag':
      return [
        `Bij de politie zijn meldingen en aangiften binnengekomen van burgers die cryptovaluta hebben overgemaakt naar ${subject}.`,
        'Wij verzoeken u dit adres als frauduleus te markeren, transacties van of naar dit adres via uw platform tegen te houden waar uw voorwaarden dat toelaten, en ons te laten weten welke maatregel u heeft genomen.',
      ];
  }
}

/** A request's letter body; a prevention warning's text comes from ./warning-template.ts. */
export function defaultBody(kind: Exclude<RequestKind, 'prevention_warning'>, indicator: CanonicalIndicator): string {
  return ['Geachte heer, mevrouw,', ...requestBody(kind, describeIndicator(indicator)), EVIDENCE_NOTE, CLOSING].join('\n\n');
}

const PLURAL: Record<IndicatorType, string> = {
  iban: 'bankrekeningen',
  phone: 'telefoonnummers',
  url: "webpagina's",
  domain: 'domeinnamen',
  email: 'e-mailadressen',
  remote_access: "ID's voor hulp op afstand",
  crypto: 'cryptoadressen',
};

const BATCH_REQUEST: Record<Exclude<RequestKind, 'prevention_warning'>, string> = {
  bank_block: 'Wij verzoeken u deze rekeningen te blokkeren of als frauderekening te markeren, en ons per rekening te laten weten welke maatregel u heeft genomen.',
  phone_block: 'Wij verzoeken u deze nummers buiten gebruik te stellen en ons per nummer te laten weten welke maatregel u heeft genomen.',
  domain_takedown: 'Wij verzoeken u deze websites offline te halen of de domeinnamen buiten werking te stellen, en ons per website te laten weten welke maatregel u heeft genomen.',
  remote_access_abuse: "Wij verzoeken u deze ID's te blokkeren en ons per ID te laten weten welke maatregel u heeft genomen.",
  email_abuse: 'Wij verzoeken u deze accounts te blokkeren en ons per account te laten weten welke maatregel u heeft genomen.',
  crypto_flag:
    'Wij verzoeken u deze adressen als frauduleus te markeren, transacties van of naar deze adressen via uw platform tegen te houden waar uw voorwaarden dat toelaten, en ons per adres te laten weten welke maatregel u heeft genomen.',
};

/** The title of a batched letter to one addressee, e.g. `Blokkeringsverzoek 3 bankrekeningen`. */
export function batchTitle(kind: Exclude<RequestKind, 'prevention_warning'>, indicators: readonly CanonicalIndicator[]): string {
  return `${TITLE_PREFIX[kind]} ${indicators.length} ${PLURAL[indicators[0]!.type]}`;
}

/** A batched letter's body: one addressee, several accounts or numbers, each named, one request for all of them. */
export function batchBody(kind: Exclude<RequestKind, 'prevention_warning'>, indicators: readonly CanonicalIndicator[]): string {
  const list = indicators.map((indicator) => `- ${describeIndicator(indicator)}`).join('\n');
  const intro = `Bij de politie zijn meldingen en aangiften binnengekomen waarin de volgende ${indicators.length} ${PLURAL[indicators[0]!.type]} worden genoemd, die bij u in gebruik zijn. Uit deze meldingen blijkt dat zij worden gebruikt om burgers op te lichten.`;
  return ['Geachte heer, mevrouw,', `${intro}\n\n${list}`, BATCH_REQUEST[kind], EVIDENCE_NOTE, CLOSING].join('\n\n');
}
