/**
 * Why an officer consults personal data (Wet politiegegevens art. 32–33): every consultation is logged with one.
 * A purpose is one of the configured short list or written by the officer; either way it is a short line of text.
 */
export const PURPOSE_MAX_LENGTH = 200;

/** The Dutch defaults of the configurable list (Instellingen → Logboek), in the order the UI offers them. */
export const DEFAULT_PURPOSES: readonly string[] = [
  'Beoordelen van de melding',
  'Onderzoek in een zaak',
  'Verzoek aan een derde voorbereiden',
  'Verzoek van de betrokkene (inzage)',
  'Interne controle',
];

/** Said wherever a purpose is missing: the API's params, the core's own check, the CLI. */
export const PURPOSE_REQUIRED = 'A purpose is required: say why you consult this personal data (it is written to the audit log).';

export type PurposeCheck = { ok: true; purpose: string } | { ok: false; message: string };

/** The purpose as it will be logged (trimmed, one line), or what is wrong with it. */
export function checkPurpose(purpose: string | null | undefined): PurposeCheck {
  const text = (purpose ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, message: PURPOSE_REQUIRED };
  if (text.length > PURPOSE_MAX_LENGTH) return { ok: false, message: `A purpose is at most ${PURPOSE_MAX_LENGTH} characters (this one has ${text.length}).` };
  return { ok: true, purpose: text };
}
