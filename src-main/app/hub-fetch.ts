/**
 * The fetch the workstation reaches its hub with. Certificates are always verified; when the settings name a
 * certificate authority file (a force's own CA), the hub's certificate must chain to that CA. The file is read
 * when it is first used and again whenever the setting changes.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';

export function createHubFetch(base: typeof fetch, caFileOf: () => string | null): typeof fetch {
  let trusted: { path: string; agent: Agent } | null = null;
  return (input, init) => {
    const path = caFileOf();
    if (path === null) return base(input, init);
    if (trusted?.path !== path) {
      void trusted?.agent.close();
      trusted = { path, agent: new Agent({ connect: { ca: readFileSync(path, 'utf8') } }) };
    }
    // Node's fetch takes undici's dispatcher; its types are those of Node's bundled undici, not this version's.
    const dispatcher: unknown = trusted.agent;
    return base(input, Object.assign({}, init, { dispatcher }));
  };
}
