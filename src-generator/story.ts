/**
 * Composes a narrative from sentences: a few essential ones (which carry the indicators) and
 * optional colour, fitted to 200–1,250 characters so a later amendment still stays under 1,500.
 */
import type { Rng } from './random';

export type Lang = 'nl' | 'en';

export const NARRATIVE_MIN = 200;
export const NARRATIVE_MAX = 1250;

const FILLERS_NL = [
  'Ik schaam me er eigenlijk voor dat ik hierin ben getrapt.',
  'Ik hoop dat jullie hier iets mee kunnen.',
  'Mijn bank heeft gezegd dat ik aangifte moest doen.',
  'Ik wil graag dat de dader wordt opgespoord.',
  'Ik ben hier erg van geschrokken en slaap er slecht van.',
  'Ik had nooit gedacht dat mij dit zou overkomen.',
  'Mijn zoon heeft mij geholpen met het invullen van dit formulier.',
  'Graag word ik op de hoogte gehouden van het onderzoek.',
  'Ik heb alle berichten bewaard en kan ze nasturen.',
  'Achteraf gezien had ik beter moeten opletten.',
  'Ik weet niet of ik mijn geld ooit terugkrijg.',
  'Ik doe aangifte omdat ik niet wil dat anderen hetzelfde overkomt.',
  'Ik heb ook een melding gedaan bij de Fraudehelpdesk.',
  'Schermafbeeldingen zitten in de bijlage.',
  'Ik ben alleenstaand en niet zo handig met internet, daarom heb ik hulp gehad bij deze aangifte.',
  'Het gaat om een flink bedrag voor mij; ik moet er nu mijn vaste lasten van betalen en dat lukt niet meer.',
  'Ik heb de bank meteen gebeld, die heeft mijn rekening tijdelijk geblokkeerd en een onderzoek gestart.',
  'Op internet las ik later dat meer mensen op precies dezelfde manier zijn opgelicht, met hetzelfde verhaal.',
  'Ik wist niet dat dit soort oplichting bestond, anders was ik er zeker niet ingetrapt.',
  'Ik ben bereid om een verklaring af te leggen op het bureau als dat nodig is.',
  'Ik heb eerst de politie gebeld op 0900-8844, daar zeiden ze dat ik online aangifte kon doen.',
  'Via 0900 8844 kreeg ik het advies om ook de Fraudehelpdesk in te lichten.',
];

const FILLERS_EN = [
  'I feel quite embarrassed that I fell for this.',
  'I hope you can do something with this information.',
  'My bank told me to file a police report.',
  'I would like the people responsible to be found.',
  'I have kept all the messages and can send them if needed.',
  'Please keep me informed about the investigation.',
  'Sorry that I write in English, my Dutch is not good enough yet.',
  'Screenshots are attached.',
];

export class Story {
  private readonly sentences: string[] = [];
  private readonly essential: boolean[] = [];

  constructor(
    private readonly rng: Rng,
    readonly lang: Lang,
  ) {}

  /** A sentence that must stay (it carries indicators or the core of the story). */
  must(sentence: string): this {
    this.sentences.push(sentence);
    this.essential.push(true);
    return this;
  }

  /** Colour: kept if it fits. */
  may(sentence: string): this {
    this.sentences.push(sentence);
    this.essential.push(false);
    return this;
  }

  /** Dutch-only colour: skipped in an English narrative. */
  nl(sentence: string): this {
    if (this.lang === 'nl') this.may(sentence);
    return this;
  }

  /** With the given probability, adds one of the (Dutch) options as colour; skipped in English. */
  maybe(probability: number, options: readonly string[]): this {
    if (this.lang === 'nl' && this.rng.chance(probability)) this.may(this.rng.pick(options));
    return this;
  }

  build(): string {
    // Some people write more: a few extra (generic) sentences give narratives a long tail.
    if (this.rng.chance(0.3)) {
      const fillers = this.lang === 'en' ? FILLERS_EN : FILLERS_NL;
      for (const sentence of this.rng.sample(fillers, this.rng.int(1, 4))) this.may(sentence);
    }
    let text = this.sentences.join(' ');
    // Too long: drop optional sentences from the end until it fits.
    for (let i = this.sentences.length - 1; text.length > NARRATIVE_MAX && i >= 0; i--) {
      if (this.essential[i]) continue;
      this.sentences.splice(i, 1);
      this.essential.splice(i, 1);
      text = this.sentences.join(' ');
    }
    if (text.length > NARRATIVE_MAX) text = `${text.slice(0, NARRATIVE_MAX - 3)}...`;
    const fillers = this.lang === 'en' ? FILLERS_EN : FILLERS_NL;
    for (let guard = 0; text.length < NARRATIVE_MIN && guard < 20; guard++) text = `${text} ${this.rng.pick(fillers)}`;
    return text;
  }
}

/** Picks from Dutch or English phrasing. */
export function say(lang: Lang, nl: string, en: string): string {
  return lang === 'en' ? en : nl;
}
