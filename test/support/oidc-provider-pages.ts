/**
 * The test provider's own login and consent pages, as an identity provider of the force serves them (Keycloak's
 * login theme): self-contained, from the provider's own origin. The login form accepts any login — "signing in as"
 * a subject is posting that login. Its fields are those the tests fill: `login`, `password`, and `prompt` saying
 * which step the form answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

export const INTERACTION_PATH = '/interaction/';

const STYLE = `body{font-family:system-ui,sans-serif;background:#f0f2f5;margin:0;padding-top:48px}
main{width:320px;margin:0 auto;padding:24px 32px;background:#fff;border-radius:4px;box-shadow:0 2px 4px rgba(0,0,0,.2)}
h1{font-size:1.4em;font-weight:500;text-align:center}label{display:block;margin:12px 0 4px;color:#333}
input{width:100%;height:36px;box-sizing:border-box;padding:0 8px;border:1px solid #b0b0b0;border-radius:2px;font-size:15px}
button{width:100%;height:38px;margin-top:20px;border:0;border-radius:2px;background:#154273;color:#fff;font-size:15px;cursor:pointer}
p{text-align:center}a{color:#154273}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function loginPage(uid: string, loginHint: string | undefined): string {
  const hint = loginHint === undefined ? ' autofocus' : ` value="${escapeHtml(loginHint)}"`;
  return page('Aanmelden', `<form autocomplete="off" action="${INTERACTION_PATH}${uid}" method="post"><input type="hidden" name="prompt" value="login"><label for="login">Gebruikersnaam</label><input required id="login" name="login" type="text"${hint}><label for="password">Wachtwoord</label><input required id="password" name="password" type="password"${loginHint === undefined ? '' : ' autofocus'}><button type="submit">Aanmelden</button></form><p><a href="${INTERACTION_PATH}${uid}/abort">Annuleren</a></p>`);
}

function consentPage(uid: string, clientId: string): string {
  return page('Toestemming', `<p>${escapeHtml(clientId)} vraagt uw identiteit.</p><form autocomplete="off" action="${INTERACTION_PATH}${uid}" method="post"><input type="hidden" name="prompt" value="consent"><button type="submit">Toestaan</button></form><p><a href="${INTERACTION_PATH}${uid}/abort">Annuleren</a></p>`);
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

/** Shows the step the provider asks (login or consent), takes its form, or ends the interaction when abandoned. */
export async function answerInteraction(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const details = await provider.interactionDetails(request, response);
    const { uid, prompt, params } = details;
    if (request.url?.endsWith('/abort')) {
      await provider.interactionFinished(request, response, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
      return;
    }
    if (request.method === 'GET') {
      if (prompt.name === 'login') send(response, 200, 'text/html', loginPage(uid, typeof params['login_hint'] === 'string' ? params['login_hint'] : undefined));
      else if (prompt.name === 'consent') send(response, 200, 'text/html', consentPage(uid, String(params['client_id'])));
      else send(response, 501, 'text/plain', `step ${prompt.name} is not shown by this provider`);
      return;
    }
    const form = await formOf(request);
    if (form.get('prompt') !== prompt.name) return send(response, 400, 'text/plain', `this form answers ${form.get('prompt')}, the provider asks ${prompt.name}`);
    if (prompt.name === 'login') {
      const login = form.get('login');
      if (!login) return send(response, 400, 'text/plain', 'a login is required');
      await provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session!.accountId, clientId: String(params['client_id']) });
    if (!grant) return send(response, 400, 'text/plain', 'the grant to add to is gone');
    const missing = prompt.details['missingOIDCScope'];
    if (Array.isArray(missing)) grant.addOIDCScope(missing.join(' '));
    const claims = prompt.details['missingOIDCClaims'];
    if (Array.isArray(claims)) grant.addOIDCClaims(claims as string[]);
    await provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  } catch (error) {
    send(response, 400, 'text/plain', `the provider cannot go on with this sign-in: ${error instanceof Error ? error.message : String(error)}`);
  }
}
