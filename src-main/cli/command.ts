import type { Writable } from 'node:stream';

/** What a CLI command may touch: JSON goes to stdout, human messages to stderr. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** True when stderr is a terminal, so progress may be drawn. */
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** An error whose message is meant for the person at the terminal. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Writes and waits for the stream to accept it, so large outputs keep bounded memory. */
export async function writeOut(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        stream.off('drain', onDrain);
        reject(error);
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
  }
}

export function writeJsonLine(stream: Writable, value: unknown): Promise<void> {
  return writeOut(stream, `${JSON.stringify(value)}\n`);
}
