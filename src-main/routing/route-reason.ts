import { MUTATION_LIMITS } from '../../shared/mutations/schema';

/** Matched facts travel as one line of text in `report.route`'s reason. */
const SEPARATOR = '; ';

export function reasonOf(matched: readonly string[]): string {
  return matched.join(SEPARATOR).slice(0, MUTATION_LIMITS.shortText);
}

export function matchedOf(reason: string): string[] {
  return reason === '' ? [] : reason.split(SEPARATOR);
}
