/**
 * Which reports a workstation receives. A scope is `*` (every report, also those without a region) or a list
 * of regions (reports that named one of them). Officers' mutations have no region: everyone receives them.
 */
import { AppError } from '../../shared/errors';

export type Scope = '*' | string[];

const MAX_REGIONS = 100;
const MAX_REGION_LENGTH = 100;

/** Parses `*` or `Region A,Region B` (spaces around commas are ignored). */
export function parseScope(text: string): Scope {
  const trimmed = text.trim();
  if (trimmed === '*') return '*';
  const regions = [...new Set(trimmed.split(',').map((part) => part.trim()))];
  if (regions.some((region) => region === '')) throw new AppError('BAD_INPUT', 'scope is "*" or regions separated by commas, none of them empty');
  if (regions.includes('*')) throw new AppError('BAD_INPUT', 'scope "*" stands alone; it cannot be combined with regions');
  if (regions.length > MAX_REGIONS) throw new AppError('BAD_INPUT', `scope names at most ${MAX_REGIONS} regions`);
  if (regions.some((region) => region.length > MAX_REGION_LENGTH || /\p{Cc}/u.test(region))) {
    throw new AppError('BAD_INPUT', `a region in a scope is at most ${MAX_REGION_LENGTH} characters without control characters`);
  }
  return regions.sort();
}

/**
 * What a request may read: the token's scope, or the narrower one the request asks for. Asking for more than
 * the token allows is refused.
 */
export function effectiveScope(tokenScope: Scope, requested: string | undefined): Scope {
  if (requested === undefined || requested.trim() === '') return tokenScope;
  const asked = parseScope(requested);
  if (tokenScope === '*') return asked;
  if (asked === '*') throw new AppError('FORBIDDEN', `this token may read the regions ${tokenScope.join(', ')} only, not "*"`);
  const outside = asked.filter((region) => !tokenScope.includes(region));
  if (outside.length > 0) throw new AppError('FORBIDDEN', `this token may not read the region(s) ${outside.join(', ')}`);
  return asked;
}

