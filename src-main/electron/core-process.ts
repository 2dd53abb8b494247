import { fileURLToPath } from 'node:url';
import { utilityProcess } from 'electron';
import type { SpawnCore } from '../app/core-channel';

/**
 * The desktop runs the workstation core in an Electron utility process (Chromium's service process with Node):
 * off the main process's thread like a worker, and a crash of native code in it (SQLite, the cipher) ends only
 * that process, which core-host starts again, instead of the whole app.
 */
export const spawnCoreInUtilityProcess: SpawnCore = (entry) => {
  const child = utilityProcess.fork(fileURLToPath(entry), [], { serviceName: 'Puzzelstuk core', stdio: 'inherit' });
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', listener),
    terminate: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
};
