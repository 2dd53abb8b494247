/**
 * Electron's utilityProcess, played by a Node child process (the Electron binary cannot run here): the same
 * fork/postMessage/message/exit/kill surface, structured-clone messages, and `process.parentPort` in the child.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./utility-process-child.ts', import.meta.url));

export class FakeUtilityProcess extends EventEmitter {
  static forked: FakeUtilityProcess[] = [];
  readonly child: ChildProcess;

  constructor(
    readonly modulePath: string,
    readonly options: { serviceName?: string },
  ) {
    super();
    this.child = fork(CHILD, [modulePath], { serialization: 'advanced', execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    this.child.on('message', (message) => this.emit('message', message));
    this.child.once('exit', (code) => this.emit('exit', code ?? 1));
  }

  postMessage(message: unknown): void {
    this.child.send(message as never);
  }

  kill(): boolean {
    return this.child.kill();
  }
}

export const utilityProcess = {
  fork(modulePath: string, _args: string[] = [], options: { serviceName?: string } = {}): FakeUtilityProcess {
    const process = new FakeUtilityProcess(modulePath, options);
    FakeUtilityProcess.forked.push(process);
    return process;
  },
};
