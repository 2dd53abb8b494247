import { CliError, type CliCommand, type CliIo } from './command';
import { commands } from './commands';

function helpText(): string {
  const lines = commands.map((command) => `  ${command.usage}\n      ${command.summary}`);
  return `usage: puzzelstuk <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stderr.write(helpText());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`puzzelstuk: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`puzzelstuk ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`puzzelstuk ${name}: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
