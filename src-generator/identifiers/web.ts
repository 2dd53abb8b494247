/** Domains, URLs and e-mail addresses of fraudsters, and the ways victims type (or defang) them. */
import { weightedTable, type Rng } from '../random';

export interface WebUrl {
  readonly scheme: 'https' | 'http';
  /** Lower-case host, e.g. `mijn.ing-verificatie.nl`. */
  readonly host: string;
  /** Path (and query), starting with `/`, or empty. */
  readonly path: string;
  /** Registrable domain (eTLD+1), e.g. `ing-verificatie.nl`. */
  readonly registrable: string;
}

export type BrandKind = 'bank' | 'parcel' | 'government' | 'telecom' | 'payment' | 'shop' | 'streaming';

export interface Brand {
  readonly name: string;
  readonly kind: BrandKind;
  readonly tokens: readonly string[];
  /** The brand's real website: a benign mention, never an indicator that links. */
  readonly realSite: string;
}

export const BRANDS: readonly Brand[] = [
  { name: 'ING', kind: 'bank', tokens: ['ing', 'mijn-ing', 'ing-bank', 'ingbank'], realSite: 'ing.nl' },
  { name: 'Rabobank', kind: 'bank', tokens: ['rabo', 'rabobank', 'mijnrabo', 'rabo-bank'], realSite: 'rabobank.nl' },
  { name: 'ABN AMRO', kind: 'bank', tokens: ['abnamro', 'abn-amro', 'abn', 'mijnabnamro'], realSite: 'abnamro.nl' },
  { name: 'SNS', kind: 'bank', tokens: ['sns', 'snsbank', 'sns-bank'], realSite: 'snsbank.nl' },
  { name: 'ASN Bank', kind: 'bank', tokens: ['asnbank', 'asn-bank'], realSite: 'asnbank.nl' },
  { name: 'bunq', kind: 'bank', tokens: ['bunq', 'bunq-app'], realSite: 'bunq.com' },
  { name: 'PostNL', kind: 'parcel', tokens: ['postnl', 'post-nl', 'mijnpostnl'], realSite: 'postnl.nl' },
  { name: 'DHL', kind: 'parcel', tokens: ['dhl', 'dhl-parcel', 'dhlparcel'], realSite: 'dhl.nl' },
  { name: 'Belastingdienst', kind: 'government', tokens: ['belastingdienst', 'belasting', 'mijnbelastingdienst'], realSite: 'belastingdienst.nl' },
  { name: 'DigiD', kind: 'government', tokens: ['digid', 'mijn-digid', 'digid-nl'], realSite: 'digid.nl' },
  { name: 'CJIB', kind: 'government', tokens: ['cjib', 'cjib-boete'], realSite: 'cjib.nl' },
  { name: 'MijnOverheid', kind: 'government', tokens: ['mijnoverheid', 'mijn-overheid'], realSite: 'mijnoverheid.nl' },
  { name: 'KPN', kind: 'telecom', tokens: ['kpn', 'mijnkpn'], realSite: 'kpn.com' },
  { name: 'Ziggo', kind: 'telecom', tokens: ['ziggo', 'mijnziggo'], realSite: 'ziggo.nl' },
  { name: 'Odido', kind: 'telecom', tokens: ['odido', 'mijnodido'], realSite: 'odido.nl' },
  { name: 'Tikkie', kind: 'payment', tokens: ['tikkie', 'tikkie-betaal'], realSite: 'tikkie.me' },
  { name: 'Marktplaats', kind: 'payment', tokens: ['marktplaats', 'mp-betaalverzoek', 'marktplaats-nl'], realSite: 'marktplaats.nl' },
  { name: 'bol', kind: 'shop', tokens: ['bol', 'bolcom', 'bol-nl'], realSite: 'bol.com' },
  { name: 'Netflix', kind: 'streaming', tokens: ['netflix', 'netflix-nl'], realSite: 'netflix.com' },
];

export const BANK_BRANDS = BRANDS.filter((brand) => brand.kind === 'bank');

const THEMES: Record<BrandKind, readonly string[]> = {
  bank: ['verificatie', 'beveiliging', 'veilig', 'pasvernieuwing', 'betaalpas', 'klantenservice', 'controle', 'update', 'identificatie', 'online', 'support', 'herstel', 'verlenging', 'pas', 'app'],
  parcel: ['pakket', 'bezorging', 'tracking', 'track', 'levering', 'verzending', 'douane', 'zending'],
  government: ['teruggave', 'toeslagen', 'betaling', 'aanslag', 'boete', 'verificatie', 'login', 'machtiging'],
  telecom: ['factuur', 'betaling', 'klantenservice', 'account'],
  payment: ['betaalverzoek', 'betaling', 'ontvangen', 'uitbetaling', 'verificatie', 'pay'],
  shop: ['bestelling', 'retour', 'betaling', 'klantenservice'],
  streaming: ['account', 'betaling', 'update', 'abonnement'],
};

const PATHS: Record<BrandKind, readonly string[]> = {
  bank: ['/login', '/inloggen', '/verificatie', '/pas', '/betaalpas/vernieuwen', '/nl/particulier/inloggen', '/secure/', '/app/verify', '/id/', '/klant/controle'],
  parcel: ['/track', '/track/', '/pakket', '/bezorging/opnieuw', '/douane/betalen', '/'],
  government: ['/teruggave', '/inloggen', '/aanvraag', '/betalen', '/machtigen', '/'],
  telecom: ['/factuur', '/betalen', '/login', '/'],
  payment: ['/betaalverzoek/', '/pay/', '/ontvang/', '/p/'],
  shop: ['/bestelling/', '/retour', '/login'],
  streaming: ['/account', '/login', '/betaling'],
};

const SUBDOMAINS = ['www', 'mijn', 'secure', 'login', 'verificatie', 'klant', 'online', 'nl', 'id', 'app'];

const PHISHING_TLDS = weightedTable<string>([
  ['nl', 22],
  ['com', 22],
  ['net', 6],
  ['info', 6],
  ['online', 8],
  ['site', 5],
  ['top', 5],
  ['xyz', 4],
  ['app', 3],
  ['live', 3],
  ['support', 3],
  ['icu', 3],
  ['eu', 3],
  ['co.uk', 2],
  ['cc', 2],
]);

const SHOP_TLDS = weightedTable<string>([
  ['nl', 35],
  ['com', 25],
  ['shop', 10],
  ['store', 6],
  ['online', 6],
  ['eu', 6],
  ['co.uk', 4],
  ['net', 4],
  ['be', 4],
]);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function letters(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += LETTERS.charAt(rng.int(0, 25));
  return out;
}

/** A look-alike registrable domain for a brand: `ing-verificatie.nl`, `mijnpostnl-bezorging24.com`, … */
export function phishingDomain(rng: Rng, brand: Brand): string {
  const token = rng.pick(brand.tokens);
  const themes = THEMES[brand.kind];
  const theme = rng.pick(themes);
  const r = rng.float();
  let label: string;
  if (r < 0.35) label = `${token}-${theme}`;
  else if (r < 0.55) label = `${theme}-${token}`;
  else if (r < 0.7) label = `${token}${theme}`;
  else if (r < 0.8 && !token.startsWith('mijn')) label = `mijn-${token}-${theme}`;
  else if (r < 0.9) label = `${token}-${theme}-${rng.pick(themes)}`;
  else label = `${token}-nl-${theme}`;
  if (rng.chance(0.35)) label += rng.chance(0.5) ? String(rng.int(1, 99)) : `-${letters(rng, 3)}`;
  return `${label}.${rng.weighted(PHISHING_TLDS)}`;
}

function pathFor(rng: Rng, kind: BrandKind): string {
  let path = rng.pick(PATHS[kind]);
  if (path.endsWith('/') && path.length > 1) path += rng.chance(0.5) ? letters(rng, 6) : rng.digits(8);
  if (rng.chance(0.12)) path += `?id=${rng.hex(8)}`;
  return path;
}

/** A family of phishing URLs on one registrable domain: different subdomains and paths. */
export function phishingUrls(rng: Rng, brand: Brand, registrable: string, count: number): WebUrl[] {
  const hosts = [registrable];
  const extra = rng.int(0, 3);
  for (const sub of rng.sample(SUBDOMAINS, extra)) hosts.push(`${sub}.${registrable}`);
  if (rng.chance(0.2)) hosts.push(`${letters(rng, rng.int(4, 8))}.${registrable}`);
  const urls: WebUrl[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; urls.length < count && attempt < count * 4; attempt++) {
    const url: WebUrl = {
      scheme: rng.chance(0.9) ? 'https' : 'http',
      host: rng.pick(hosts),
      path: pathFor(rng, brand.kind),
      registrable,
    };
    const key = url.host + url.path;
    if (seen.has(key)) continue;
    seen.add(key);
    urls.push(url);
  }
  return urls;
}

export const SHOP_PRODUCTS = [
  'airfryer', 'sneaker', 'fietsen', 'ebike', 'parfum', 'sieraden', 'lego', 'iphone', 'laptop', 'tuinset',
  'houtpellets', 'zonnepanelen', 'warmtepomp', 'jassen', 'winterjas', 'tassen', 'horloges', 'speelgoed',
  'gameconsole', 'matras', 'grasmaaier', 'kinderwagen', 'designer', 'boxspring',
] as const;
const SHOP_WORDS = ['outlet', 'shop', 'store', 'deals', 'korting', 'sale', 'winkel', 'discounter', 'direct', 'online', 'center', 'express'];
const SHOP_PREFIXES = ['', '', '', 'goedkope', 'top', 'super', 'mega', 'budget', 'dutch', 'holland', 'de'];

/** A fake webshop's registrable domain and display name, e.g. `goedkope-airfryer-outlet.nl` / `Airfryer Outlet`. */
export function webshopDomain(rng: Rng, product: string): { domain: string; name: string } {
  const prefix = rng.pick(SHOP_PREFIXES);
  const word = rng.pick(SHOP_WORDS);
  const separator = rng.chance(0.5) ? '-' : '';
  const label = [prefix, product, word].filter(Boolean).join(separator) + (rng.chance(0.2) ? String(rng.int(1, 99)) : '');
  const name = `${product.charAt(0).toUpperCase()}${product.slice(1)} ${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  return { domain: `${label}.${rng.weighted(SHOP_TLDS)}`, name };
}

export function webshopUrls(rng: Rng, domain: string, count: number): WebUrl[] {
  const paths = ['/', '/products/', '/collections/sale', '/checkout', '/product/', '/nl/aanbieding', '/contact'];
  const urls: WebUrl[] = [];
  for (let i = 0; i < count; i++) {
    let path = i === 0 ? '' : rng.pick(paths);
    if (path.endsWith('/') && path.length > 1) path += `${letters(rng, rng.int(5, 10))}-${rng.digits(3)}`;
    urls.push({ scheme: 'https', host: i === 0 || rng.chance(0.5) ? `www.${domain}` : domain, path, registrable: domain });
  }
  return urls;
}

export const PLATFORM_NAMES = [
  'Bitnova Pro', 'QuantumYield', 'CoinVesta', 'TradeHorizon', 'EuroMarketsFX', 'AlphaCapital 360', 'Nextera Trade',
  'Bluecoin Invest', 'Goldstone FX', 'Crypto Gainly', 'Vantage Coinbase', 'Oranje Beleggen', 'DutchTrade Pro', 'Nordic Assets',
];

/** An investment platform's domain and URLs: `bitnovapro.io/dashboard`, `app.tradehorizon.com/register?ref=…`. */
export function platformUrls(rng: Rng, platform: string, count: number): WebUrl[] {
  const slug = platform.toLowerCase().replace(/[^a-z0-9]+/g, rng.chance(0.5) ? '-' : '') + (rng.chance(0.3) ? `-${letters(rng, 2)}` : '');
  const registrable = `${slug}.${rng.pick(['com', 'io', 'net', 'pro', 'trade', 'co.uk', 'app', 'org'])}`;
  const hosts = [registrable, `app.${registrable}`, `trade.${registrable}`, `www.${registrable}`];
  const paths = ['', '/login', '/dashboard', '/register', '/deposit', '/account/withdraw'];
  const urls: WebUrl[] = [];
  for (let i = 0; i < count; i++) {
    let path = rng.pick(paths);
    if (path === '/register') path += `?ref=${rng.hex(6)}`;
    urls.push({ scheme: 'https', host: i === 0 ? registrable : rng.pick(hosts), path, registrable });
  }
  return urls;
}

/** Registrable domain plus a `.onion` look-alike for ransomware leak sites and chats. */
export function onionHost(rng: Rng): string {
  let label = '';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  for (let i = 0; i < 56; i++) label += alphabet.charAt(rng.int(0, 31));
  return `${label}.onion`;
}

function defangHost(host: string, all: boolean): string {
  if (all) return host.replace(/\./g, '[.]');
  const last = host.lastIndexOf('.');
  return `${host.slice(0, last)}[.]${host.slice(last + 1)}`;
}

function mixedCase(rng: Rng, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    out += i === 0 || text.charAt(i - 1) === '.' || text.charAt(i - 1) === '-' || rng.chance(0.05) ? ch.toUpperCase() : ch;
  }
  return out;
}

/** A URL as typed, pasted or defanged: `hxxps://ing-verificatie[.]nl/login`, `www.shop.nl`, `HTTPS://Shop.NL/x`, … */
export function formatUrl(rng: Rng, url: WebUrl): string {
  const { scheme, host, path } = url;
  const r = rng.float();
  if (r < 0.28) return `${scheme}://${host}${path}`;
  if (r < 0.4) return `hxxp${scheme === 'https' ? 's' : ''}://${defangHost(host, rng.chance(0.4))}${path}`;
  if (r < 0.57) return `${host}${path}`;
  if (r < 0.64) return host === url.registrable ? `www.${host}` : host;
  if (r < 0.71) return `${scheme}://${host}`;
  if (r < 0.78) return host;
  if (r < 0.82) return `hxxps[:]//${defangHost(host, true)}${path}`;
  if (r < 0.86) return host.replace(/\.(?=[^.]+$)/, '(.)');
  if (r < 0.92) return `${scheme.toUpperCase()}://${mixedCase(rng, host)}${path}`;
  if (r < 0.96) return `${scheme}://${host}${path}${path.endsWith('/') ? '' : '/'}`;
  return `${host}${path}`.replace(/^www\./, '');
}

export const WEBMAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'live.nl', 'hotmail.nl', 'yahoo.com', 'icloud.com'];
export const ANONYMOUS_MAIL_DOMAINS = ['protonmail.com', 'proton.me', 'onionmail.org', 'tutanota.com', 'cock.li', 'mail2tor.com'];

/** An e-mail address as typed: `info@example.com`, `Info@Example.com`, `info[at]example[dot]com`, `info (at) example.com`, … */
export function formatEmail(rng: Rng, email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const r = rng.float();
  if (r < 0.62) return email;
  if (r < 0.7) return `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain.charAt(0).toUpperCase()}${domain.slice(1)}`;
  if (r < 0.78) return `${local}[at]${domain.replace(/\./g, '[dot]')}`;
  if (r < 0.83) return `${local}[at]${domain}`;
  if (r < 0.87) return `${local} (at) ${domain}`;
  if (r < 0.91) return `${local}@${defangHost(domain, false)}`;
  if (r < 0.94) return `mailto:${email}`;
  if (r < 0.97) return `<${email}>`;
  return `${local} @ ${domain}`;
}
