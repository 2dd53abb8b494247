/** Metadata of uploaded files: plausible names, media types and sizes, random SHA-256. */
import type { Rng } from './random';
import { fileStamp } from './time';

export type AttachmentKind = 'screenshot' | 'photo' | 'statement' | 'chat' | 'email' | 'ransom_note' | 'invoice';

export type AttachmentMeta = {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
};

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function one(rng: Rng, kind: AttachmentKind, atMs: number, ransomNote: string | undefined): AttachmentMeta {
  const sha256 = rng.hex(64);
  switch (kind) {
    case 'screenshot': {
      const r = rng.float();
      const fileName =
        r < 0.4 ? `Screenshot_${fileStamp(atMs)}.png` : r < 0.7 ? `Schermafbeelding ${fileStamp(atMs).slice(0, 8)}.png` : `IMG_${rng.digits(4)}.PNG`;
      return { fileName, mediaType: 'image/png', size: rng.int(60_000, 2_600_000), sha256 };
    }
    case 'photo':
      return {
        fileName: rng.chance(0.5) ? `IMG_${rng.digits(4)}.jpg` : `WhatsApp Image ${fileStamp(atMs).slice(0, 8)}.jpeg`,
        mediaType: 'image/jpeg',
        size: rng.int(90_000, 4_200_000),
        sha256,
      };
    case 'statement': {
      if (rng.chance(0.15)) return { fileName: 'transacties.csv', mediaType: 'text/csv', size: rng.int(900, 40_000), sha256 };
      const month = MONTHS[new Date(atMs).getUTCMonth()] ?? 'jan';
      const fileName = rng.pick(['afschrift.pdf', `bankafschrift_${month}.pdf`, 'rekeningoverzicht.pdf', 'Transactieoverzicht.pdf']);
      return { fileName, mediaType: 'application/pdf', size: rng.int(30_000, 420_000), sha256 };
    }
    case 'chat':
      return rng.chance(0.7)
        ? { fileName: 'WhatsApp-chat.txt', mediaType: 'text/plain', size: rng.int(1_500, 90_000), sha256 }
        : { fileName: 'chat.zip', mediaType: 'application/zip', size: rng.int(40_000, 9_000_000), sha256 };
    case 'email':
      return rng.chance(0.75)
        ? { fileName: rng.pick(['phishingmail.eml', 'mail.eml', 'bericht.eml']), mediaType: 'message/rfc822', size: rng.int(4_000, 95_000), sha256 }
        : { fileName: 'mail.msg', mediaType: 'application/vnd.ms-outlook', size: rng.int(20_000, 300_000), sha256 };
    case 'ransom_note': {
      const fileName = ransomNote ?? 'README.txt';
      const mediaType = fileName.endsWith('.hta') ? 'application/hta' : fileName.endsWith('.pdf') ? 'application/pdf' : 'text/plain';
      return { fileName, mediaType, size: rng.int(900, 9_000), sha256 };
    }
    case 'invoice':
      return { fileName: `factuur_${rng.digits(6)}.pdf`, mediaType: 'application/pdf', size: rng.int(25_000, 300_000), sha256 };
  }
}

/**
 * Attachments for a report: usually a few of the kinds the scenario suggests (screenshots of a
 * chat, a bank statement, the ransom note), sometimes none.
 */
export function attachmentsFor(rng: Rng, kinds: readonly AttachmentKind[], atMs: number, ransomNote?: string): AttachmentMeta[] | undefined {
  if (kinds.length === 0 || rng.chance(0.3)) return undefined;
  const out: AttachmentMeta[] = [];
  const extra = rng.chance(0.25) ? rng.int(1, 3) : 0;
  for (const kind of kinds) if (rng.chance(0.75)) out.push(one(rng, kind, atMs - rng.int(0, 86_400_000), ransomNote));
  for (let i = 0; i < extra; i++) out.push(one(rng, 'screenshot', atMs - rng.int(0, 86_400_000), ransomNote));
  return out.length > 0 ? out : undefined;
}
