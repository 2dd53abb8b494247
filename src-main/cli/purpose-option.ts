import { checkPurpose } from '../../shared/audit/purpose';
import { systemClock } from '../../shared/platform/clock';
import { logConsultation } from '../audit/consultation';
import type { CaseStore } from '../db/open-store';
import { cliActor } from './cli-actor';
import { UsageError } from './command';

/** The `--purpose` option of every command that prints personal data. */
export const purposeOption = { purpose: { type: 'string' } } as const;

/** The purpose checked, or a usage error that says why the command asks for one. */
export function requirePurpose(value: string | undefined, usage: string): string {
  const checked = checkPurpose(value);
  if (!checked.ok) {
    throw new UsageError(
      value === undefined
        ? `--purpose is required: this command shows personal data, and the audit log records why (e.g. --purpose "Onderzoek in een zaak")\nusage: ${usage}`
        : `--purpose: ${checked.message}\nusage: ${usage}`,
    );
  }
  return checked.purpose;
}

/** Logs a command's read before it prints: the shell's user, the command as typed, and the purpose. */
export function logCliRead(
  store: CaseStore,
  env: NodeJS.ProcessEnv,
  read: { command: string; args: string[]; purpose: string; subjectType: string; subjectId: string; details?: Record<string, unknown> },
): void {
  logConsultation(store.sqlite, systemClock.now().toISOString(), {
    actor: cliActor(env),
    action: `cli.${read.command}`,
    subjectType: read.subjectType,
    subjectId: read.subjectId,
    purpose: read.purpose,
    details: { command: [read.command, ...read.args], ...read.details },
  });
}
