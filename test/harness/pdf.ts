import { execFile } from 'node:child_process';
import path from 'node:path';

/** A PDF read back as a reader would: its text per page and its title (see pdf-text.mjs for why a child process). */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string; title: string | null }> {
  const script = path.join(__dirname, 'pdf-text.mjs');
  const out = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin?.end(Buffer.from(bytes));
  });
  const parsed = JSON.parse(out) as { pages: string[]; title: string | null };
  return { ...parsed, text: parsed.pages.join('\n') };
}

/** The structure types a tagged PDF declares (`/S /H1` …) and whether it has a structure tree at all. */
export function pdfTags(bytes: Uint8Array): { tagged: boolean; types: string[]; lang: string | undefined } {
  const raw = Buffer.from(bytes).toString('latin1');
  const types = [...raw.matchAll(/\/S \/([A-Za-z0-9]+)/g)].map((m) => m[1] ?? '');
  const lang = /\/Lang \(([^)]*)\)/.exec(raw)?.[1];
  return { tagged: raw.includes('/StructTreeRoot') && raw.includes('/Marked true'), types, lang };
}
