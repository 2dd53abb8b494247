/**
 * A prevention warning as the public reads it: plain text, an HTML page and an A4 PDF, all from the warning's
 * title and text as approved (never its bundle: no report, no victim). A warning not yet approved says so at
 * its top, so a draft passed around for review is never mistaken for the published one.
 */
import escapeHtml from 'escape-html';
import type { WarningDocument, WarningFormat } from '../../shared/api/request-views';
import { AppError } from '../../shared/errors';
import type { RequestState } from '../../shared/requests/lifecycle';
import { requireRequest } from './request-record';
import { longDutchDate } from './dutch-format';
import { winAnsiText as pdfText } from './letter/win-ansi';
import { WARNING_HEADINGS } from './warning-template';
import type Database from 'better-sqlite3';

type Block = { kind: 'heading'; text: string } | { kind: 'list'; items: string[] } | { kind: 'paragraph'; text: string };

export interface WarningContent {
  title: string;
  /** Null once approved; else the line that says it is not yet. */
  draftNotice: string | null;
  blocks: Block[];
  /** `Gepubliceerd op … via …`, when it was. */
  published: string | null;
}

const UNAPPROVED: readonly RequestState[] = ['draft', 'awaiting_approval'];
const isHeading = (block: string) => (WARNING_HEADINGS as readonly string[]).includes(block) || (!block.includes('\n') && block.length <= 80 && block.endsWith('?'));

/** The text's parts: blank lines separate blocks; a heading is a short question on its own; `- ` lines make a list. */
export function warningBlocks(body: string): Block[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block): Block => {
      const lines = block.split('\n').map((line) => line.trim());
      if (lines.every((line) => line.startsWith('- '))) return { kind: 'list', items: lines.map((line) => line.slice(2).trim()) };
      return isHeading(block) ? { kind: 'heading', text: block } : { kind: 'paragraph', text: lines.join(' ') };
    });
}

export function warningContent(sqlite: Database.Database, actionId: string): WarningContent {
  const action = requireRequest(sqlite, actionId);
  if (action.kind !== 'prevention_warning') throw new AppError('BAD_INPUT', `Request ${actionId} is not a prevention warning; it has a letter instead.`);
  const publication = action.state === 'executed' ? action.payload.steps.executed : undefined;
  return {
    title: action.title,
    draftNotice: UNAPPROVED.includes(action.state) ? 'CONCEPT - nog niet goedgekeurd, niet publiceren.' : null,
    blocks: warningBlocks(action.payload.body),
    published: publication?.occurredAt ? `Gepubliceerd op ${longDutchDate(publication.occurredAt)}${publication.reference ? ` via ${publication.reference}` : ''}.` : null,
  };
}

export function warningPlainText(content: WarningContent): string {
  const lines = [content.title, '='.repeat(content.title.length)];
  if (content.draftNotice) lines.splice(0, 0, content.draftNotice, '');
  for (const block of content.blocks) {
    lines.push('');
    if (block.kind === 'heading') lines.push(block.text, '-'.repeat(block.text.length));
    else if (block.kind === 'list') lines.push(...block.items.map((item) => `- ${item}`));
    else lines.push(block.text);
  }
  if (content.published) lines.push('', content.published);
  return `${lines.join('\n')}\n`;
}

export function warningHtml(content: WarningContent): string {
  const body = content.blocks.map((block) => {
    if (block.kind === 'heading') return `<h2>${escapeHtml(block.text)}</h2>`;
    if (block.kind === 'list') return `<ul>\n${block.items.map((item) => `  <li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
    return `<p>${escapeHtml(block.text)}</p>`;
  });
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(content.title)}</title>`,
    '</head>',
    '<body>',
    '<article>',
    ...(content.draftNotice ? [`<p><strong>${escapeHtml(content.draftNotice)}</strong></p>`] : []),
    `<h1>${escapeHtml(content.title)}</h1>`,
    ...body,
    ...(content.published ? [`<p><small>${escapeHtml(content.published)}</small></p>`] : []),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const MARGIN = 64;

/** A4 with Helvetica (WinAnsi text); `createdAt` goes into the document info, so the bytes are reproducible. */
export async function warningPdf(content: WarningContent, createdAt: Date): Promise<Buffer> {
  // Loaded at the first document, not at every start of the core (see letter/letter-pdf.ts).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: 'nl-NL', info: { Title: pdfText(content.title), Author: 'Politie', CreationDate: createdAt } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (content.draftNotice) doc.font('Helvetica-Bold').fontSize(10).fillColor('#b00000').text(pdfText(content.draftNotice)).fillColor('black').moveDown(1);
  doc.font('Helvetica-Bold').fontSize(20).text(pdfText(content.title)).moveDown(0.5);
  for (const block of content.blocks) {
    if (block.kind === 'heading') doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(pdfText(block.text), { paragraphGap: 4 });
    else if (block.kind === 'list') doc.font('Helvetica').fontSize(11).list(block.items.map(pdfText), { bulletRadius: 2, paragraphGap: 3 });
    else doc.font('Helvetica').fontSize(11).text(pdfText(block.text), { paragraphGap: 6 });
  }
  if (content.published) doc.moveDown(1).font('Helvetica').fontSize(9).fillColor('#555555').text(pdfText(content.published));
  doc.end();
  return done;
}

const MIME: Record<WarningFormat, string> = { text: 'text/plain;charset=utf-8', html: 'text/html;charset=utf-8', pdf: 'application/pdf' };
const EXTENSION: Record<WarningFormat, string> = { text: 'txt', html: 'html', pdf: 'pdf' };

/** The warning in one format; PDF bytes as base64, text and HTML as they are. */
export async function warningDocument(sqlite: Database.Database, actionId: string, format: WarningFormat, now: Date): Promise<WarningDocument> {
  const content = warningContent(sqlite, actionId);
  const fileName = `waarschuwing-${actionId}.${EXTENSION[format]}`;
  if (format === 'pdf') return { fileName, mimeType: MIME.pdf, content: (await warningPdf(content, now)).toString('base64'), encoding: 'base64' };
  return { fileName, mimeType: MIME[format], content: format === 'html' ? warningHtml(content) : warningPlainText(content), encoding: 'utf8' };
}
