import type { Actor } from '../audit/actor';

/** Who makes a change from the command line, for the audit log: the shell's user. */
export function cliActor(env: NodeJS.ProcessEnv): Actor {
  return `cli:${env.USER ?? 'unknown'}`;
}
