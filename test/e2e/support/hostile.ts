/**
 * Reports whose every text field carries HTML/JS, as an attacker filing a report (or a victim pasting a ransom
 * note) would put it there, and the checks that the workbench shows it as inert text.
 *
 * Each payload names its field, so a failure says where. Payloads avoid what the interface rightly rewrites in
 * free text (http(s)://, "name.tld", "a@b" are defanged), so that they must appear literally; their foreign
 * address is an IP literal (198.51.100.7, TEST-NET-2), which defanging leaves alone.
 */
import type { Page } from '@playwright/test';
import type { IntakeRecord } from '../../../shared/intake/schema';
import type { DomElement, DomRoot, PageGlobals } from './dom';
import { handMadeRecord } from './records';

export const FOREIGN_HOST = '198.51.100.7';
/** Every element a payload would inject carries an id starting with this. */
export const INJECTED_ID_PREFIX = 'e2e-injected';

/** A short payload (summary ≤ 200 characters): an image that calls home and runs script, and a script. */
export const payload = (field: string): string =>
  `<img src=//${FOREIGN_HOST}/${field} id=${INJECTED_ID_PREFIX}-${field} onerror="self['e2ePwned']=1;alert('${field}')"><script>self['e2ePwned']=1;alert('${field}')</script>`;

/** A long payload for long text: more ways in, including ones that need no script. */
export const longPayload = (field: string): string =>
  [
    payload(field),
    `<svg id=${INJECTED_ID_PREFIX}-svg-${field} onload=alert('${field}')></svg>`,
    `<iframe id=${INJECTED_ID_PREFIX}-frame-${field} src=//${FOREIGN_HOST}/frame-${field}></iframe>`,
    `<a id=${INJECTED_ID_PREFIX}-a-${field} href=javascript:alert('${field}')>klik</a>`,
    `<meta http-equiv=refresh content="0;url=//${FOREIGN_HOST}/refresh">`,
    `<form id=${INJECTED_ID_PREFIX}-form-${field} action=//${FOREIGN_HOST}/form><button>verstuur</button></form>`,
    `<div id=${INJECTED_ID_PREFIX}-div-${field} style="background:url(//${FOREIGN_HOST}/bg)">x</div>`,
    `{{constructor['constructor']('alert(1)')()}} \${alert('${field}')} [klik](javascript:alert(1))`,
  ].join(' ');

/** The shared puzzle piece that links the two hostile reports (so the related list and graph show them too). */
export const HOSTILE_IBAN = 'NL20INGB0001234567';

/** Two linked reports with a payload in every free-text field the contract has; `fields` maps field → text. */
export function hostileReports(): { records: IntakeRecord[]; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const p = (field: string, long = false) => (fields[field] = long ? longPayload(field) : payload(field));

  const ransom = handMadeRecord(401, {
    receivedAt: '2026-11-27T09:00:00Z',
    category: 'ransomware',
    region: p('region'),
    reporter: {
      type: 'organisation',
      name: p('reporter-name'),
      email: p('reporter-email'),
      phone: p('reporter-phone'),
      address: { street: p('reporter-street'), houseNumber: '1', postalCode: '3511 AA', city: p('reporter-city') },
      organisation: { name: p('organisation-name'), kvkNumber: p('kvk') },
    },
    incident: { summary: p('summary'), narrative: p('narrative', true), contactMethod: 'email' },
    payments: [
      {
        at: '2026-11-26T22:00:00+01:00',
        amount: '1500.00',
        currency: 'EUR',
        method: 'bank_transfer',
        beneficiaryName: p('beneficiary-name'),
        beneficiaryAccount: p('beneficiary-account'),
        reference: p('payment-reference'),
      },
    ],
    suspect: {
      names: [p('suspect-name')],
      phoneNumbers: [p('suspect-phone')],
      emailAddresses: [p('suspect-email')],
      websites: [p('suspect-website'), `hxxps://e2e-afpersing[.]nl/<svg/onload=alert('url')>`],
      bankAccounts: [p('suspect-bank-account'), HOSTILE_IBAN],
      cryptoAddresses: [p('suspect-crypto')],
      socialMedia: [p('suspect-social')],
      other: [p('suspect-other')],
    },
    ransomware: {
      family: p('ransomware-family'),
      encryptedExtension: p('ransomware-extension'),
      ransomNote: p('ransom-note', true),
      demand: { amount: '0.25', currency: 'BTC' },
      contact: p('ransomware-contact'),
    },
    remoteAccess: { tool: 'other', id: p('remote-access-id') },
    attachments: [
      { fileName: p('attachment-name'), mediaType: p('attachment-type'), size: 2048, sha256: 'a'.repeat(64) },
      { fileName: `"><img src=x id=${INJECTED_ID_PREFIX}-quote onerror=alert(2)>.txt`, mediaType: 'text/plain', size: 12 },
    ],
  });
  const linked = handMadeRecord(402, {
    receivedAt: '2026-11-27T10:30:00Z',
    category: 'ransomware',
    region: 'Noord-Holland',
    incident: { summary: p('linked-summary'), narrative: `Losgeld gevraagd, betaald naar ${HOSTILE_IBAN}.` },
    suspect: { bankAccounts: [HOSTILE_IBAN] },
  });
  return { records: [ransom, linked], fields };
}

export interface InjectionFindings {
  /** Elements with an inline event handler (React never writes one). */
  handlers: string[];
  /** Elements whose id says a payload made them. */
  injected: string[];
  /** Scripts that are not the app's own bundle from its origin. */
  scripts: string[];
  /** Frames, objects, embeds, meta refreshes, <base>, javascript: links. */
  dangerous: string[];
  /** Set by a payload's script, had any run. */
  pwned: boolean;
}

/** Looks through the whole document (and open shadow roots) for anything a payload could have made. */
export async function findInjection(page: Page): Promise<InjectionFindings> {
  return page.evaluate((prefix) => {
    const { document, location } = globalThis as unknown as PageGlobals;
    const describe = (element: DomElement) => `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>`;
    const all: DomElement[] = [];
    const walk = (root: DomRoot) => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        all.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const findings: InjectionFindings = { handlers: [], injected: [], scripts: [], dangerous: [], pwned: false };
    for (const element of all) {
      const handlers = element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on'));
      if (handlers.length > 0) findings.handlers.push(`${describe(element)} ${handlers.join(',')}`);
      if (element.id.startsWith(prefix)) findings.injected.push(describe(element));
      if (element.tagName === 'SCRIPT') {
        const src = element.src ?? '';
        const own = src !== '' && new URL(src).origin === location.origin && (element.text ?? '').trim() === '';
        if (!own) findings.scripts.push(`${describe(element)} ${src || (element.text ?? '').slice(0, 80)}`);
      }
      if (element.matches('iframe, frame, object, embed, meta[http-equiv], base')) findings.dangerous.push(describe(element));
      if (element.matches('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]')) findings.dangerous.push(describe(element));
    }
    findings.pwned = Object.prototype.hasOwnProperty.call(globalThis, 'e2ePwned');
    return findings;
  }, INJECTED_ID_PREFIX);
}

export const NOTHING_INJECTED: InjectionFindings = { handlers: [], injected: [], scripts: [], dangerous: [], pwned: false };
