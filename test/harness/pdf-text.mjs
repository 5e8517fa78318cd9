// Extracts the text of a PDF read from stdin with pdf-parse (Mozilla's pdf.js), one page per entry.
// It runs as its own Node process because pdf.js loads its worker as an ES module, which jest's
// CommonJS sandbox cannot do; the test sees exactly what a screen reader or a copy-paste would get.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const result = await parser.getText();
  const info = await parser.getInfo();
  process.stdout.write(
    JSON.stringify({ pages: result.pages.map((p) => p.text), title: info.info?.Title ?? null, total: result.total }),
  );
} finally {
  await parser.destroy();
}
