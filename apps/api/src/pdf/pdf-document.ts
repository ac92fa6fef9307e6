import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * PDF documents of the close-out (verification report, casebooks), made with pdfkit. The PDF
 * standard fonts cannot write Turkish (ğ, ı, ş, İ), so DejaVu Sans is embedded (subset) from the
 * dejavu-fonts-ttf package; the files are read once per process.
 */
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { body: Buffer; bold: Buffer; mono: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    body: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
    mono: readFileSync(join(fontDir, 'DejaVuSansMono.ttf')),
  };
  return fonts;
}

export type Pdf = InstanceType<typeof PDFDocument>;

export interface PdfInfo {
  title: string;
  subject: string;
  /** Fixed creation date, so the same content gives the same file. */
  createdAt: Date;
  lang: 'en' | 'tr';
}

export function newPdf(info: PdfInfo): Pdf {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    lang: info.lang,
    displayTitle: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      Creator: 'mini-EDC',
      Producer: 'mini-EDC (pdfkit)',
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  doc.registerFont('body', f.body);
  doc.registerFont('bold', f.bold);
  doc.registerFont('mono', f.mono);
  doc.font('body').fontSize(10);
  return doc;
}

const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;
const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string, size = 14): void {
  ensureRoom(doc, size * 3);
  doc.moveDown(0.5).font('bold').fontSize(size).text(text, doc.page.margins.left).font('body').fontSize(10);
  doc.moveDown(0.3);
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  doc.fontSize(options.size ?? 10).fillColor(options.color ?? 'black');
  ensureRoom(doc, doc.heightOfString(text, { width: contentWidth(doc) }));
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor('black').fontSize(10);
}

/** Label/value rows, the label in bold on the left third. */
export function factTable(doc: Pdf, facts: readonly (readonly [string, string])[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const labelWidth = Math.round(width * 0.3);
  doc.fontSize(9);
  for (const [label, value] of facts) {
    doc.font('body');
    const h = Math.max(
      doc.heightOfString(value, { width: width - labelWidth - 8 }),
      doc.font('bold').heightOfString(label, { width: labelWidth }),
    );
    ensureRoom(doc, h + 4);
    const y = doc.y;
    doc.font('bold').text(label, left, y, { width: labelWidth });
    doc.font('body').text(value, left + labelWidth + 8, y, { width: width - labelWidth - 8 });
    doc.y = y + h + 4;
  }
  doc.fontSize(10).font('body');
}

export interface Column {
  header: string;
  /** Share of the content width (the shares of a table add up to 1). */
  width: number;
}

/** A table that breaks across pages and repeats its header on each. */
export function table(
  doc: Pdf,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  size = 8,
): void {
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 4 })));
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, { width: (widths[i] ?? 0) - 4 });
      x += widths[i] ?? 0;
    });
    doc
      .moveTo(left, y + h + 4)
      .lineTo(left + total, y + h + 4)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.y = y + h + 5;
    return h + 5;
  };
  const header = columns.map((c) => c.header);
  ensureRoom(doc, 40);
  drawRow(header, true);
  for (const row of rows) {
    doc.font('body').fontSize(size);
    const h = Math.max(...row.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 4 }))) + 5;
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  doc.font('body').fontSize(10);
}

/** Collects a finished document into one buffer (for small documents such as reports). */
export function pdfToBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
