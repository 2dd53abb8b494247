/**
 * Where a workstation may find its hub: over https with a certificate it verifies, or over plain http only on
 * this machine (loopback: the embedded demo hub, a hub behind a local TLS-terminating proxy, tests). A bearer
 * token sent over plain http to another machine can be read and replayed by anyone on the way.
 */

/** 127.0.0.0/8, ::1 and `localhost`: addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why this text cannot be a hub's address (a sentence for the officer), or null when it can. */
export function hubAddressProblem(text: string): string | null {
  if (!/^https?:\/\/[^\s/]+/i.test(text) || !URL.canParse(text)) return 'must be an http(s) URL such as https://hub.example.nl';
  const url = new URL(text);
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return `a hub on another machine (${url.host}) is reached only over https with a verified certificate, never plain http, which would expose the credential on the way; use https://${url.host}`;
  }
  return null;
}
