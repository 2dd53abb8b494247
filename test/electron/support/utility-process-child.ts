/**
 * The child side of the fake utility process: gives the module `process.parentPort` as Electron does (messages
 * as `{data}` events, queued until a listener is registered), then runs it.
 */
import { pathToFileURL } from 'node:url';

type MessageListener = (event: { data: unknown; ports: unknown[] }) => void;
const queued: unknown[] = [];
let listener: MessageListener | null = null;
process.on('message', (data) => (listener ? listener({ data, ports: [] }) : queued.push(data)));

Object.defineProperty(process, 'parentPort', {
  value: {
    on(event: string, next: MessageListener) {
      if (event !== 'message') return;
      listener = next;
      for (const data of queued.splice(0)) next({ data, ports: [] });
    },
    postMessage: (message: unknown) => process.send!(message),
  },
});

await import(pathToFileURL(process.argv[2]!).href);
