import { AppError } from '../../shared/errors';

/** Which reports a workstation follows: every region (`*`) or a list of regions. */
export type SyncScope = '*' | readonly string[];

/** Parses `*` or `Region A,Region B`, as the CLI and the hub write it. */
export function parseSyncScope(text: string): SyncScope {
  const trimmed = text.trim();
  if (trimmed === '*' || trimmed === '') return '*';
  const regions = [...new Set(trimmed.split(',').map((part) => part.trim()))];
  if (regions.some((region) => region === '' || region === '*')) {
    throw new AppError('BAD_INPUT', 'A scope is "*" or regions separated by commas, none of them empty.');
  }
  return regions.sort();
}

/** The scope as the feed's `scope` parameter (and as remembered beside the cursor). */
export function formatSyncScope(scope: SyncScope): string {
  return scope === '*' ? '*' : [...scope].sort().join(',');
}
