/**
 * A public prevention warning in plain Dutch (taalniveau B1: short sentences, everyday words, "u"), from one
 * template with four parts — what happens, how to recognise it, what to do, where to report — and the concrete
 * details of the reports filled in. It never names victims; suspects' numbers and accounts only when the
 * supervisor chose to (`WarningFacts.suspectDetails`). The four headings are also how the exports find the parts.
 */
import type { Category } from '../../shared/intake/vocabulary';
import { formatEuro, longDutchDate } from './dutch-format';

export const WARNING_HEADINGS = ['Wat gebeurt er?', 'Hoe herkent u het?', 'Wat kunt u doen?', 'Waar meldt u het?'] as const;

/** What the reports say, without anything about the people who made them. */
export interface WarningFacts {
  category: Category | null;
  victims: number;
  totalLossCents: number;
  period: { from: string; to: string } | null;
  /** Web addresses the reports share (fake shops, phishing sites): public facts, named always. */
  websites: string[];
  /** Suspects' phone numbers, e-mail addresses and accounts; empty unless deliberately chosen. */
  suspectDetails: Array<{ label: string; value: string }>;
}

interface Modus {
  /** Noun phrase for the title, e.g. `nepbankmedewerkers`. */
  name: string;
  happens: string;
  recognise: string[];
  advice: string[];
}

const NEVER_SAFE_ACCOUNT = 'Uw bank vraagt u nooit om geld over te maken naar een "veilige rekening".';
const HANG_UP = 'Twijfelt u? Hang op en bel zelf het nummer dat u kent, bijvoorbeeld het nummer op uw bankpas.';
const NO_CODES = 'Geef nooit uw inlogcodes, pincode of beveiligingscodes aan een ander.';
const NO_REMOTE = 'Installeer geen app of programma waarmee een ander op afstand uw computer of telefoon kan bedienen.';
const CHECK_SHOP = 'Zoek eerst op internet naar ervaringen met de winkel of verkoper. Betaal liever niet vooruit.';
const CHECK_LINK = 'Klik niet op een link in een onverwacht bericht. Ga zelf naar de website of app die u kent.';
const CALL_KNOWN = 'Vraagt een bekende via een bericht om geld? Bel die persoon zelf op het nummer dat u al had.';

const MODI: Record<Category, Modus> = {
  bank_helpdesk_fraud: {
    name: 'nepbankmedewerkers',
    happens: 'Oplichters bellen of sturen een bericht en doen alsof zij van uw bank zijn. Zij zeggen dat uw geld niet veilig is en dat u snel iets moet doen.',
    recognise: ['U wordt gebeld door iemand die zegt dat hij van de bank is. Soms staat het echte nummer van de bank in beeld.', 'U moet snel handelen, geld overmaken of een app installeren.'],
    advice: [NEVER_SAFE_ACCOUNT, NO_CODES, NO_REMOTE, HANG_UP],
  },
  helpdesk_fraud: {
    name: 'nephelpdesks',
    happens: 'Oplichters bellen en zeggen dat zij van een helpdesk zijn, bijvoorbeeld van Microsoft of uw internetprovider. Zij zeggen dat er iets mis is met uw computer.',
    recognise: ['U wordt onverwacht gebeld over een probleem met uw computer.', 'U moet een programma installeren zodat zij kunnen "helpen".'],
    advice: [NO_REMOTE, NO_CODES, HANG_UP],
  },
  phishing: {
    name: 'valse berichten (phishing)',
    happens: 'Oplichters sturen e-mails of sms-berichten die echt lijken. Met een link komt u op een valse website. Daar vragen zij uw gegevens of een betaling.',
    recognise: ['Het bericht is onverwacht en zegt dat u snel iets moet doen.', 'De link gaat naar een website met een vreemd adres.'],
    advice: [CHECK_LINK, NO_CODES],
  },
  whatsapp_fraud: {
    name: 'WhatsApp-fraude',
    happens: 'Oplichters sturen een WhatsApp-bericht en doen alsof zij uw kind, familielid of vriend zijn. Zij hebben "een nieuw nummer" en vragen snel geld.',
    recognise: ['Een bekende heeft opeens een nieuw nummer.', 'Er is haast: een rekening moet vandaag nog betaald worden.'],
    advice: [CALL_KNOWN, 'Maak geen geld over zolang u het niet zeker weet.'],
  },
  marketplace_fraud: {
    name: 'oplichting bij handel via internet',
    happens: 'Oplichters bieden spullen aan op een handelssite of reageren op uw advertentie. U betaalt, maar krijgt niets. Of zij sturen u een valse betaallink.',
    recognise: ['De prijs is erg laag, of de koper wil per se via een link betalen.', 'De verkoper wil niet dat u het product ophaalt.'],
    advice: [CHECK_SHOP, CHECK_LINK],
  },
  webshop_fraud: {
    name: 'nepwebwinkels',
    happens: 'Oplichters maken webwinkels die echt lijken. U betaalt, maar u krijgt niets.',
    recognise: ['De prijzen zijn veel lager dan elders.', 'De winkel is nieuw en u vindt geen goede ervaringen van anderen.'],
    advice: [CHECK_SHOP],
  },
  investment_fraud: {
    name: 'nepbeleggingen',
    happens: 'Oplichters beloven veel winst met beleggen, vaak in cryptomunten. U maakt geld over, maar u krijgt het niet meer terug.',
    recognise: ['U krijgt een belofte van hoge winst zonder risico.', 'U moet steeds meer geld inleggen om uw winst te krijgen.'],
    advice: ['Kijk in het register van de AFM of het bedrijf een vergunning heeft.', NO_REMOTE],
  },
  romance_fraud: {
    name: 'datingfraude',
    happens: 'Oplichters maken contact via een datingsite of sociale media en bouwen een band met u op. Daarna vragen zij geld.',
    recognise: ['U heeft elkaar nog nooit echt ontmoet.', 'Er is steeds een nieuw probleem waarvoor geld nodig is.'],
    advice: ['Maak nooit geld over aan iemand die u alleen van internet kent.', 'Praat erover met iemand die u vertrouwt.'],
  },
  sextortion: {
    name: 'afpersing met naaktbeelden',
    happens: 'Oplichters dreigen naaktbeelden of een video van u te verspreiden als u niet betaalt.',
    recognise: ['U krijgt een dreigend bericht en moet snel betalen.'],
    advice: ['Betaal niet en stop het contact.', 'Bewaar de berichten. U heeft niets strafbaars gedaan; u kunt hulp krijgen.'],
  },
  ransomware: {
    name: 'gijzelsoftware (ransomware)',
    happens: 'Criminelen maken de bestanden op een computer onleesbaar en vragen geld om ze terug te geven.',
    recognise: ['U kunt uw bestanden niet meer openen en ziet een bericht dat u moet betalen.'],
    advice: ['Betaal niet. Koppel de computer los van het netwerk.', 'Maak regelmatig een reservekopie van uw bestanden.'],
  },
  identity_fraud: {
    name: 'misbruik van identiteitsgegevens',
    happens: 'Oplichters gebruiken de gegevens van iemand anders, bijvoorbeeld om iets te kopen of een rekening te openen.',
    recognise: ['U krijgt post of rekeningen voor iets wat u niet heeft besteld.'],
    advice: ['Stuur nooit zomaar een kopie van uw identiteitsbewijs. Maak het eerst onleesbaar met de KopieID-app.'],
  },
  hacking: {
    name: 'overgenomen accounts',
    happens: 'Criminelen nemen accounts over, bijvoorbeeld van e-mail of sociale media, en gebruiken die om anderen op te lichten.',
    recognise: ['U kunt niet meer inloggen, of uw vrienden krijgen vreemde berichten van u.'],
    advice: ['Gebruik voor elk account een ander sterk wachtwoord.', 'Zet tweestapsverificatie aan.'],
  },
  other: {
    name: 'oplichting',
    happens: 'Oplichters benaderen mensen met een overtuigend verhaal en zetten hen onder druk om snel te betalen.',
    recognise: ['U moet snel beslissen of snel betalen.'],
    advice: [HANG_UP, NO_CODES],
  },
};

const WHERE_TO_REPORT = [
  'Bent u slachtoffer? Bel direct uw bank als u geld heeft overgemaakt. Doe daarna aangifte via politie.nl of bel 0900-8844.',
  'Twijfelt u of iets oplichting is? Bel de Fraudehelpdesk: 088-786 73 72.',
];

const bullet = (line: string) => `- ${line}`;

function concreteFacts(facts: WarningFacts): string {
  const parts: string[] = [];
  const count = facts.victims === 1 ? '1 melding' : `${facts.victims} meldingen`;
  const since = facts.period ? ` sinds ${longDutchDate(facts.period.from)}` : '';
  parts.push(`De politie kreeg${since} ${count} over deze vorm van oplichting.`);
  if (facts.totalLossCents > 0) parts.push(`Samen zijn de slachtoffers ${formatEuro(facts.totalLossCents)} kwijtgeraakt.`);
  return parts.join(' ');
}

export const warningTitle = (category: Category | null) => `Pas op voor ${MODI[category ?? 'other'].name}`;

/** The warning's text: its four parts, each a heading line and paragraphs separated by blank lines. */
export function warningText(facts: WarningFacts): string {
  const modus = MODI[facts.category ?? 'other'];
  const recognise = [...modus.recognise];
  if (facts.websites.length > 0) recognise.push(`De oplichters gebruiken deze websites: ${facts.websites.join(', ')}.`);
  for (const detail of facts.suspectDetails) recognise.push(`${detail.label}: ${detail.value}.`);
  const parts: Array<[string, string[]]> = [
    [WARNING_HEADINGS[0], [modus.happens, concreteFacts(facts)]],
    [WARNING_HEADINGS[1], [recognise.map(bullet).join('\n')]],
    [WARNING_HEADINGS[2], [modus.advice.map(bullet).join('\n')]],
    [WARNING_HEADINGS[3], WHERE_TO_REPORT],
  ];
  return parts.map(([heading, paragraphs]) => [heading, ...paragraphs].join('\n\n')).join('\n\n');
}
