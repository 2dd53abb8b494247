/**
 * Another process — of another local user when a uid is given — that opens one page, as a browser started by that
 * user would: its own socket, owned by that user in the kernel's tables. Changing uid needs root, as the tests run.
 */
import { spawn } from 'node:child_process';
import type { PageAnswer, PageOpener } from './oidc-provider';

/** The user nobody, who owns nothing on this machine. */
export const NOBODY = { uid: 65534, gid: 65534 };

/** Runs in the child: opens the page without following a redirect and prints what it answered. */
const OPEN_ONE_PAGE = `
const response = await fetch(process.argv[1], { redirect: 'manual' });
process.stdout.write(JSON.stringify({ status: response.status, location: response.headers.get('location'), setCookie: response.headers.getSetCookie(), text: await response.text() }));
`;

export function openAsUser(user?: { uid: number; gid: number }): PageOpener {
  return (url) => new Promise<PageAnswer>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', OPEN_ONE_PAGE, url.href], { cwd: '/', env: {}, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as PageAnswer) : reject(new Error(`the page opener exited with ${code}: ${err.slice(0, 500)}`))));
  });
}
