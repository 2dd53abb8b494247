/** Lays a request letter out as an A4 PDF (pdfkit, standard fonts): letterhead, addressee, texts, totals, evidence table. */
import type { LetterContent } from './letter-content';
import { winAnsiText as pdfText } from './win-ansi';

const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GREY = '#555555';
const TABLE_FONT_SIZE = 8;
const CELL_PADDING = 3;
/** Melding, Datum, Soort, Schade; the evidence column takes the rest of the width. */
const FIXED_COLUMNS = [74, 52, 78, 60];

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const pageBottom = (doc: Doc) => doc.page.height - MARGIN;

function labelledRows(doc: Doc, rows: ReadonlyArray<readonly [string, string]>, labelWidth: number, fontSize: number): void {
  doc.fontSize(fontSize);
  for (const [label, value] of rows) {
    const y = doc.y;
    const valueWidth = contentWidth(doc) - labelWidth;
    const height = Math.max(doc.font(BOLD).heightOfString(pdfText(label), { width: labelWidth }), doc.font(FONT).heightOfString(pdfText(value), { width: valueWidth }));
    if (y + height > pageBottom(doc)) doc.addPage();
    const top = doc.y;
    doc.font(BOLD).text(pdfText(label), MARGIN, top, { width: labelWidth });
    doc.font(FONT).text(pdfText(value), MARGIN + labelWidth, top, { width: valueWidth });
    doc.x = MARGIN;
    doc.y = top + height + 2;
  }
}

function letterhead(doc: Doc, content: LetterContent): void {
  doc.font(BOLD).fontSize(20).text(pdfText(content.sender.organisation), MARGIN, MARGIN);
  doc.font(BOLD).fontSize(10).text(pdfText(content.sender.unit));
  doc.font(FONT).fontSize(9).fillColor(GREY);
  for (const line of content.sender.lines) doc.text(pdfText(line));
  doc.fillColor('black').moveDown(2);
  if (content.addressee) {
    doc.font(BOLD).fontSize(10).text(pdfText(content.addressee.name));
    doc.font(FONT);
    for (const line of content.addressee.lines) doc.text(pdfText(line));
  }
  doc.moveDown(2);
  labelledRows(doc, content.meta, 90, 10);
}

function letterBody(doc: Doc, content: LetterContent): void {
  doc.moveDown(1);
  doc.font(BOLD).fontSize(10).text('Wettelijke grondslag');
  doc.font(FONT).fontSize(9).text(pdfText(content.legalBasis || '-'), { paragraphGap: 4 });
  doc.moveDown(1).fontSize(10);
  for (const paragraph of content.paragraphs) doc.text(pdfText(paragraph), { paragraphGap: 8 });
  doc.moveDown(1);
  for (const line of content.signature) doc.text(pdfText(line));
}

function columnWidths(doc: Doc): number[] {
  const fixed = FIXED_COLUMNS.reduce((sum, width) => sum + width, 0);
  return [...FIXED_COLUMNS, contentWidth(doc) - fixed];
}

/** The evidence table; rows never split, and the header repeats on every page the table continues on. */
function evidenceTable(doc: Doc, table: LetterContent['table']): void {
  const widths = columnWidths(doc);
  const row = (cells: readonly string[], isHeader: boolean): void => {
    const texts = cells.map(pdfText);
    doc.font(isHeader ? BOLD : FONT).fontSize(TABLE_FONT_SIZE);
    const height = Math.max(...texts.map((text, index) => doc.heightOfString(text, { width: widths[index]! - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      if (!isHeader) row(table.header, true);
      doc.font(isHeader ? BOLD : FONT).fontSize(TABLE_FONT_SIZE);
    }
    const top = doc.y;
    if (isHeader) doc.rect(MARGIN, top, contentWidth(doc), height).fill('#e6e6e6').fillColor('black');
    let x = MARGIN;
    texts.forEach((text, index) => {
      doc.text(text, x + CELL_PADDING, top + CELL_PADDING, { width: widths[index]! - 2 * CELL_PADDING });
      x += widths[index]!;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + contentWidth(doc), top + height).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  row(table.header, true);
  for (const cells of table.rows) row(cells, false);
}

function evidenceSection(doc: Doc, content: LetterContent): void {
  // Start the overview on a fresh page when only a few lines would fit here.
  if (doc.y + 160 > pageBottom(doc)) doc.addPage();
  else doc.moveDown(2);
  doc.font(BOLD).fontSize(12).text('Overzicht van de meldingen', MARGIN);
  doc.moveDown(0.5);
  labelledRows(doc, content.totals, 120, 9.5);
  doc.moveDown(1);
  evidenceTable(doc, content.table);
}

/** Reference and page numbers at the foot of every page, written once the page count is known. */
function footers(doc: Doc, content: LetterContent): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(GREY)
      .text(pdfText(`Ons kenmerk ${content.reference} - pagina ${index - range.start + 1} van ${range.count}`), MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor('black');
}

/** The letter as PDF bytes; `createdAt` is written into the document info (no hidden wall-clock time). */
export async function renderLetterPdf(content: LetterContent, info: { title: string; createdAt: Date }): Promise<Buffer> {
  // Loaded at the first letter: pdfkit and its fonts cost every start of the core CPU time most never use.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'nl-NL',
    info: { Title: pdfText(info.title), Author: pdfText(content.sender.organisation), Subject: pdfText(content.reference), CreationDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  letterhead(doc, content);
  letterBody(doc, content);
  evidenceSection(doc, content);
  footers(doc, content);
  doc.end();
  return done;
}
