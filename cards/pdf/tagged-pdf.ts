import PDFDocument from 'pdfkit';

/**
 * A small, tagged PDF for a person to read, print or hear: headings (H1/H2), paragraphs, label/value
 * lines, bullet lists and a before/now bar chart with alternative text. Built with pdfkit, which
 * writes a structure tree (`/StructTreeRoot`, `/MarkInfo`, the document language and title), so a
 * screen reader announces headings and reads in order; the text is real text (extractable), never
 * an image.
 *
 * What pdfkit cannot do here: the standard Helvetica font is not embedded (PDF/UA asks for embedded
 * fonts, so these files are tagged but not claimed to be PDF/UA), and table structure is written as
 * label/value paragraphs rather than TH/TD cells.
 */
export type PdfBlock =
  | { readonly kind: 'h1' | 'h2'; readonly text: string }
  | { readonly kind: 'p'; readonly text: string; readonly subtle?: boolean }
  | { readonly kind: 'facts'; readonly rows: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'bars';
      /** Read aloud instead of the drawing: the whole chart in one sentence per row. */
      readonly alt: string;
      readonly max: number;
      readonly legend: { readonly before: string; readonly now: string };
      readonly rows: ReadonlyArray<{ readonly label: string; readonly before?: number; readonly now?: number }>;
    };

export interface PdfSpec {
  readonly title: string;
  /** BCP 47, e.g. da-DK. */
  readonly lang: string;
  readonly author: string;
  /** Creation time written into the file (the turn's time, so tests are reproducible). */
  readonly createdAt: Date;
  readonly blocks: readonly PdfBlock[];
}

const MARGIN = 56;
const BLUE = '#1f4e9c';
const GREY = '#9aa3ad';
const INK = '#1b1b1b';

export function renderPdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    tagged: true,
    lang: spec.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: spec.title, Author: spec.author, Creator: 'Fremdrift', CreationDate: spec.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 2 * MARGIN;

  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'h1':
        root.add(doc.struct('H1', {}, () => doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(block.text)));
        doc.moveDown(0.5);
        break;
      case 'h2':
        doc.moveDown(0.6);
        if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
        root.add(doc.struct('H2', {}, () => doc.font('Helvetica-Bold').fontSize(14).fillColor(BLUE).text(block.text)));
        doc.moveDown(0.3);
        break;
      case 'p':
        root.add(
          doc.struct('P', {}, () =>
            doc
              .font('Helvetica')
              .fontSize(block.subtle ? 9 : 11)
              .fillColor(block.subtle ? '#555555' : INK)
              .text(block.text, { width }),
          ),
        );
        doc.moveDown(0.3);
        break;
      case 'facts':
        for (const [label, value] of block.rows) {
          root.add(
            doc.struct('P', {}, () => {
              doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(`${label}: `, { continued: true, width });
              doc.font('Helvetica').text(value, { width });
            }),
          );
          doc.moveDown(0.15);
        }
        break;
      case 'list': {
        const list = doc.struct('L');
        root.add(list);
        for (const item of block.items) {
          list.add(
            doc.struct('LI', {}, [
              doc.struct('LBody', {}, () =>
                doc.font('Helvetica').fontSize(11).fillColor(INK).text(`•  ${item}`, { width, indent: 8 }),
              ),
            ]),
          );
        }
        list.end();
        doc.moveDown(0.3);
        break;
      }
      case 'bars':
        drawBars(doc, root, block, width);
        break;
    }
  }
  root.end();
  doc.end();
  return done;
}

type Bars = Extract<PdfBlock, { kind: 'bars' }>;

/** One row per indicator: a grey bar for before and a blue bar for now, on a 0..max scale. */
function drawBars(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, block: Bars, width: number): void {
  const labelWidth = 170;
  const barArea = width - labelWidth - 30;
  const rowHeight = 30;
  const needed = block.rows.length * rowHeight + 40;
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
  root.add(
    doc.struct('Figure', { alt: block.alt }, () => {
      const x0 = doc.x;
      let y = doc.y;
      doc.font('Helvetica').fontSize(9);
      doc.rect(x0, y + 2, 10, 8).fill(GREY);
      doc.fillColor(INK).text(block.legend.before, x0 + 14, y, { lineBreak: false });
      doc.rect(x0 + 120, y + 2, 10, 8).fill(BLUE);
      doc.fillColor(INK).text(block.legend.now, x0 + 134, y, { lineBreak: false });
      y += 18;
      for (const row of block.rows) {
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(INK)
          .text(row.label, x0, y + 4, { width: labelWidth - 8 });
        const bar = (value: number | undefined, dy: number, color: string): void => {
          if (value === undefined) return;
          const w = Math.max(2, (value / block.max) * barArea);
          doc.rect(x0 + labelWidth, y + dy, w, 10).fill(color);
          doc
            .fillColor(INK)
            .fontSize(8)
            .text(String(value), x0 + labelWidth + w + 4, y + dy + 1, { lineBreak: false });
        };
        bar(row.before, 2, GREY);
        bar(row.now, 14, BLUE);
        y += rowHeight;
      }
      doc.x = x0;
      doc.y = y + 6;
    }),
  );
}
