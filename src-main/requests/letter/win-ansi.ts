/**
 * The PDF's standard fonts (Helvetica) only have the Windows-1252 characters; anything else would print as
 * garbage. Accented letters outside it lose their accent (ı → i, ő → o), other characters become "?".
 */
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const SPECIAL: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ə: 'e', Ə: 'E', ħ: 'h', '\u2212': '-', '\u2026': '…' };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(char);
}

function substitute(char: string): string {
  if (SPECIAL[char] !== undefined) return SPECIAL[char];
  if (char === '\t') return ' ';
  const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
  return stripped !== '' && Array.from(stripped).every(isWinAnsi) ? stripped : '?';
}

export function winAnsiText(text: string): string {
  let result = '';
  for (const char of text.replace(/\r\n?/g, '\n')) result += isWinAnsi(char) ? char : substitute(char);
  return result;
}
