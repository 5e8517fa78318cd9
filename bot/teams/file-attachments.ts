import { z } from 'zod';
import { InvalidInputError } from '../domain/errors';
import type { InboundFile } from '../features/feature';

/**
 * Files sent to the bot in a Teams personal chat arrive as a message attachment of type
 * `application/vnd.microsoft.teams.file.download.info` with a pre-authorised `downloadUrl`
 * (the app manifest must declare `supportsFiles`). This turns one into plain `InboundFile` data
 * whose content is fetched only when a feature asks for it, with the URL checked and the size capped.
 */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
export const MAX_FILE_BYTES = 256 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;

const FileAttachmentSchema = z.object({
  contentType: z.literal(TEAMS_FILE_DOWNLOAD_INFO),
  name: z.string().min(1).max(255),
  content: z.object({
    downloadUrl: z.string().min(1).max(4096),
    fileType: z.string().max(32).optional(),
  }),
});

const AttachmentsSchema = z.object({ attachments: z.array(z.unknown()).max(20).optional().nullable() });

export interface DownloadPolicy {
  /** Plain http to 127.0.0.1 is allowed only here (tests serve files locally). */
  readonly allowLoopbackHttp: boolean;
  readonly maxBytes?: number;
}

/** https only (http://127.0.0.1 when allowed); no credentials in the URL. */
export function downloadUrlAllowed(raw: string, policy: DownloadPolicy): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return policy.allowLoopbackHttp && url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

async function download(raw: string, policy: DownloadPolicy): Promise<string> {
  const maxBytes = policy.maxBytes ?? MAX_FILE_BYTES;
  const tooLarge = () => new InvalidInputError('error.file_too_large', { maxKb: Math.round(maxBytes / 1024) });
  if (!downloadUrlAllowed(raw, policy)) throw new InvalidInputError('error.file_unavailable');
  let response: Response;
  try {
    // Redirects are refused: the pre-authorised URL is the file itself, and a redirect could lead anywhere.
    response = await fetch(raw, { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch {
    throw new InvalidInputError('error.file_unavailable');
  }
  if (!response.ok || response.body === null) throw new InvalidInputError('error.file_unavailable');
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The first file attachment of a message activity, if any. */
export function fileAttachmentOf(activity: unknown, policy: DownloadPolicy): InboundFile | undefined {
  const parsed = AttachmentsSchema.safeParse(activity);
  if (!parsed.success) return undefined;
  for (const attachment of parsed.data.attachments ?? []) {
    const file = FileAttachmentSchema.safeParse(attachment);
    if (!file.success) continue;
    const { name, content } = file.data;
    const extension = name.includes('.') ? (name.split('.').pop() ?? '') : '';
    return {
      name,
      fileType: (content.fileType ?? extension).toLowerCase(),
      read: () => download(content.downloadUrl, policy),
    };
  }
  return undefined;
}
