/**
 * Who a request goes to, derived from the indicator and the directory (pure): banks by the IBAN's bank code,
 * SIDN for .nl domains, providers by tool or mail domain, exchanges by chain; foreign IBANs and numbers through
 * the international liaison route. Where the facts cannot decide (which operator holds a ported number, which
 * registrar a .com has), the officer chooses from the options.
 */
import type { DirectoryEntryView, DirectoryKind } from '../../shared/requests/directory';
import type { RequestKind } from '../../shared/requests/lifecycle';
import type { AddresseeRoute } from '../../shared/api/request-views';
import type { IndicatorEnrichment, IndicatorType, PhoneKind } from '../../shared/indicators/types';
import { parseUrl } from '../../shared/indicators/normalize/web-url';

export interface RouteSubject {
  kind: RequestKind;
  indicator: { type: IndicatorType; value: string; enrichment: IndicatorEnrichment | null } | null;
}

/** The desk that drafts public warnings when the directory holds several communication entries. */
const PREVENTION_DESK_ID = 'communication.preventie';

const PHONE_KIND_LABELS: Record<PhoneKind, string> = {
  mobile: 'mobiel nummer',
  fixed_line: 'vast nummer',
  fixed_line_or_mobile: 'vast of mobiel nummer',
  voip: 'VoIP-nummer',
  toll_free: '0800-nummer',
  premium_rate: '0900-nummer',
  shared_cost: 'nummer met gedeelde kosten',
  personal_number: 'persoonlijk nummer',
  pager: 'semafoonnummer',
  uan: '088-nummer (bedrijfsnummer)',
  voicemail: 'voicemailnummer',
  machine_to_machine: '097-nummer (machine-to-machine)',
  unknown: 'nummer van onbekende soort',
};

interface Route {
  suggested: DirectoryEntryView | undefined;
  options: DirectoryEntryView[];
  explanation: string;
  country?: string | null;
  phoneKind?: PhoneKind | null;
  viaLiaison?: boolean;
}

const ofKinds = (directory: readonly DirectoryEntryView[], ...kinds: DirectoryKind[]) => directory.filter((entry) => kinds.includes(entry.kind));

function toRoute(route: Route): AddresseeRoute {
  const options = route.suggested ? [route.suggested, ...route.options.filter((entry) => entry.id !== route.suggested!.id)] : route.options;
  return {
    suggestedId: route.suggested?.id ?? null,
    optionIds: options.map((entry) => entry.id),
    explanation: route.explanation,
    country: route.country ?? null,
    phoneKind: route.phoneKind ?? null,
    viaLiaison: route.viaLiaison ?? false,
  };
}

/** A foreign indicator: the liaison entry for its country, else the one for every other country (`*`). */
function liaisonRoute(directory: readonly DirectoryEntryView[], country: string | null, what: string, extra: Partial<Route> = {}): Route {
  const liaisons = ofKinds(directory, 'liaison');
  const suggested =
    (country === null ? undefined : liaisons.find((entry) => entry.countries?.includes(country))) ?? liaisons.find((entry) => entry.countries?.includes('*'));
  const where = country === null ? 'buitenlands' : `buitenlands (${country})`;
  return {
    suggested,
    options: liaisons,
    explanation: suggested
      ? `${what} is ${where}: het verzoek gaat via de internationale route naar ${suggested.name}.`
      : `${what} is ${where}, maar het adresboek heeft geen internationale route; vraag een leidinggevende die toe te voegen.`,
    country,
    viaLiaison: true,
    ...extra,
  };
}

function bankRoute(value: string, enrichment: IndicatorEnrichment | null, directory: readonly DirectoryEntryView[]): Route {
  const country = enrichment?.country ?? value.slice(0, 2);
  if (country !== 'NL') return liaisonRoute(directory, country, 'Deze IBAN');
  const bankCode = enrichment?.bankCode ?? value.slice(4, 8);
  const banks = ofKinds(directory, 'bank');
  const suggested = banks.find((entry) => entry.bankCodes?.includes(bankCode));
  const explanation = suggested
    ? `Nederlandse IBAN met bankcode ${bankCode} → ${suggested.name}.`
    : `Nederlandse IBAN met bankcode ${bankCode}${enrichment?.bankName ? ` (${enrichment.bankName})` : ''}: die bank staat niet in het adresboek; kies de bank of vraag een leidinggevende haar toe te voegen.`;
  return { suggested, options: banks, explanation, country };
}

function phoneRoute(value: string, enrichment: IndicatorEnrichment | null, directory: readonly DirectoryEntryView[]): Route {
  const phoneKind = enrichment?.phoneKind ?? null;
  const country = enrichment?.country ?? (value.startsWith('+31') ? 'NL' : null);
  const label = PHONE_KIND_LABELS[phoneKind ?? 'unknown'];
  if (country !== 'NL') return liaisonRoute(directory, country, `Dit telefoonnummer (${label})`, { phoneKind });
  return {
    suggested: undefined,
    options: ofKinds(directory, 'operator'),
    // Numbers are ported between operators, so the number itself does not say who holds it now.
    explanation: `Nederlands ${label}: kies de operator die het nummer nu uitgeeft (na nummerbehoud is dat niet uit het nummer af te leiden).`,
    country,
    phoneKind,
  };
}

/** A host on a shared platform (`x.web.app`, `sites.google.com`) belongs to that platform's hoster. */
function platformHoster(host: string, hosters: readonly DirectoryEntryView[]): { entry: DirectoryEntryView; service: string } | undefined {
  for (const entry of hosters) {
    const service = entry.services?.find((name) => host === name || host.endsWith(`.${name}`));
    if (service) return { entry, service };
  }
  return undefined;
}

function domainRoute(type: IndicatorType, value: string, directory: readonly DirectoryEntryView[]): Route {
  const parsed = type === 'url' ? parseUrl(value) : null;
  const domain = type === 'url' ? (parsed?.domain ?? null) : value;
  const host = type === 'url' ? new URL(value).hostname : value;
  const registrarsAndHosters = ofKinds(directory, 'registrar', 'hoster');
  if (domain === null) {
    return { suggested: undefined, options: ofKinds(directory, 'hoster', 'registrar'), explanation: `De URL staat op een IP-adres (${host}): kies de hoster van dat adres.` };
  }
  const platform = platformHoster(host, registrarsAndHosters);
  if (platform) {
    return { suggested: platform.entry, options: registrarsAndHosters, explanation: `${host} staat op ${platform.service} → ${platform.entry.name}.` };
  }
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  const registry = ofKinds(directory, 'registry').find((entry) => entry.tlds?.includes(tld));
  if (registry) {
    return { suggested: registry, options: [registry, ...registrarsAndHosters], explanation: `.${tld}-domein ${domain} → ${registry.name}.` };
  }
  return {
    suggested: undefined,
    options: registrarsAndHosters,
    explanation: `${domain} is geen .nl-domein: kies de registrar of hoster (zie WHOIS/RDAP) en stuur het verzoek naar hun abuse-adres.`,
  };
}

function remoteAccessRoute(value: string, enrichment: IndicatorEnrichment | null, directory: readonly DirectoryEntryView[]): Route {
  const tool = enrichment?.network ?? value.slice(0, value.indexOf(':'));
  const providers = ofKinds(directory, 'remote_access_provider');
  const suggested = providers.find((entry) => entry.services?.includes(tool));
  return {
    suggested,
    options: providers,
    explanation: suggested ? `ID van ${tool} → ${suggested.name}.` : `Geen aanbieder van "${tool}" in het adresboek: kies de aanbieder van het programma.`,
  };
}

function emailRoute(value: string, directory: readonly DirectoryEntryView[]): Route {
  const domain = value.slice(value.lastIndexOf('@') + 1);
  const providers = ofKinds(directory, 'email_provider');
  const suggested = providers.find((entry) => entry.services?.includes(domain));
  if (suggested) return { suggested, options: providers, explanation: `E-mailadres bij ${domain} → ${suggested.name}.` };
  return {
    suggested: undefined,
    options: [...ofKinds(directory, 'hoster', 'registrar'), ...providers],
    explanation: `${domain} is geen bekende e-mailaanbieder: kies de hoster van het domein (zie de MX-records).`,
  };
}

function cryptoRoute(value: string, enrichment: IndicatorEnrichment | null, directory: readonly DirectoryEntryView[]): Route {
  const network = enrichment?.network ?? value.slice(0, value.indexOf(':'));
  const exchanges = ofKinds(directory, 'exchange').filter((entry) => entry.networks?.includes(network));
  // With one candidate it is that one; with more, only the money trail says which exchange received the funds.
  const suggested = exchanges.length === 1 ? exchanges[0] : undefined;
  const explanation =
    exchanges.length === 0
      ? `Geen exchange in het adresboek verwerkt ${network}: vraag een leidinggevende er een toe te voegen.`
      : suggested
        ? `${network}-adres: alleen ${suggested.name} verwerkt dit netwerk.`
        : `${network}-adres: ${exchanges.length} exchanges verwerken dit netwerk; kies de exchange waar het geld naartoe ging (één verzoek per exchange).`;
  return { suggested, options: exchanges, explanation };
}

function preventionRoute(directory: readonly DirectoryEntryView[]): Route {
  const desks = ofKinds(directory, 'communication');
  const suggested = desks.find((entry) => entry.id === PREVENTION_DESK_ID) ?? desks[0];
  return {
    suggested,
    options: desks,
    explanation: suggested ? `Een publiekswaarschuwing gaat naar ${suggested.name}.` : 'Het adresboek heeft geen communicatieafdeling; vraag een leidinggevende die toe te voegen.',
  };
}

/** The addressee a request should go to, with the options and a one-sentence Dutch explanation. */
export function deriveAddressee(subject: RouteSubject, directory: readonly DirectoryEntryView[]): AddresseeRoute {
  if (subject.kind === 'prevention_warning') return toRoute(preventionRoute(directory));
  const indicator = subject.indicator;
  if (!indicator) return toRoute({ suggested: undefined, options: [...directory], explanation: 'Het verzoek noemt geen indicator: kies de geadresseerde zelf.' });
  const { type, value, enrichment } = indicator;
  switch (type) {
    case 'iban':
      return toRoute(bankRoute(value, enrichment, directory));
    case 'phone':
      return toRoute(phoneRoute(value, enrichment, directory));
    case 'url':
    case 'domain':
      return toRoute(domainRoute(type, value, directory));
    case 'remote_access':
      return toRoute(remoteAccessRoute(value, enrichment, directory));
    case 'email':
      return toRoute(emailRoute(value, directory));
    case 'crypto':
      return toRoute(cryptoRoute(value, enrichment, directory));
  }
}
