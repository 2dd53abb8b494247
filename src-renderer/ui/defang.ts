import type { IndicatorType } from '../../shared/indicators/types';

/**
 * URLs, domains and e-mail addresses from reports are evidence, never links: they are shown "defanged"
 * (hxxps://example[.]com) so neither a click nor a paste into a browser or mail client can follow them.
 * Already defanged text stays as it is.
 */
const DOT = /(?<!\[)\.(?!\])/g;

const defangHost = (host: string): string => host.replace(DOT, '[.]');

function defangUrl(text: string): string {
  const match = /^(h)(?:tt|xx)(ps?)(\[?:\]?\/\/|:\/\/)([^/?#\s]*)(.*)$/is.exec(text);
  if (!match) return defangHost(text);
  const [, h, ps, , host, rest] = match;
  return `${h}xx${ps}://${defangHost(host!)}${rest}`;
}

function defangEmail(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return defangHost(text);
  return `${text.slice(0, at)}[@]${defangHost(text.slice(at + 1))}`;
}

export function defang(type: IndicatorType, value: string): string {
  switch (type) {
    case 'url':
      return defangUrl(value);
    case 'domain':
      return defangHost(value);
    case 'email':
      return defangEmail(value);
    default:
      return value;
  }
}

/** Free text that may hold a URL the extractor did not flag (suspect websites, ransom contacts). */
export function defangFreeText(text: string): string {
  return text
    .replace(/\bh(?:tt|xx)p(s?):\/\//gi, (_match, s: string) => `hxxp${s}://`)
    .replace(/([a-z0-9-])\.(?=[a-z]{2,}\b)/gi, '$1[.]')
    .replace(/([^\s[])@(?=[^\s\]])/g, '$1[@]');
}
