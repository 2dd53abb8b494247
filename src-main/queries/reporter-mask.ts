import type { MaskedReporter } from '../../shared/api/views';
import type { Reporter } from '../../shared/intake/schema';

/** "Jan de Vries" → "J. d. V.": enough to tell reporters apart in a list, too little to identify one. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => Array.from(part.replace(/^[^\p{L}]+/u, ''))[0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter}.`)
    .join(' ');
}

/** What an officer sees of the reporter before revealing it with a reason. */
export function maskReporter(reporter: Reporter | undefined): MaskedReporter | null {
  if (!reporter) return null;
  return {
    type: reporter.type,
    initials: initialsOf(reporter.name),
    organisationName: reporter.type === 'organisation' ? (reporter.organisation?.name ?? null) : null,
    hasContactDetails: Boolean(reporter.email || reporter.phone || reporter.address),
  };
}
