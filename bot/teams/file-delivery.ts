import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import type { FeatureRouter } from '../features/router';
import type { FileRequest, HandlerContext, OutboundFile } from '../features/feature';
import { filesText as t } from '../i18n/files';
import type { EdgeRoute } from '../server';
import type { Services } from '../services';
import type { AuditPurpose } from '../store/audit-log';
import { deleteDoc, readDoc, upsertDoc } from '../store/documents';
import { fileLinkCard } from '../../cards/files/file-card';
import { downloadUrlAllowed } from './file-attachments';
import { handlerContextFor } from './handler-context';

/**
 * The one way a file reaches a user: in their 1:1 chat, made for them, audited at every step.
 *
 * - `consent` (Teams): the file consent card (`application/vnd.microsoft.teams.card.file.consent`);
 *   when the user accepts, Teams sends `fileConsent/invoke` with an upload URL in the user's OneDrive,
 *   the bot makes the file again under the user's roles, uploads it, and posts the file info card.
 * - `link` (the Agents Playground, which shows a consent card as "not supported", and a DPO's local
 *   trial): an Adaptive Card with a download link that works once and for LINK_MINUTES. The link is a
 *   random 256-bit token; only its SHA-256 is stored (in `runs`, with the producer and parameters, not
 *   the file), and the file is made when the link is used, under the user's current roles.
 *
 * An inline data URI was rejected: a PDF does not fit the 28 KB card limit, Teams clients do not open
 * data: URLs, and the file's content would stay in the chat history, outside the case's retention.
 *
 * Features never see any of this: they answer `fileReply({ producer, params, file })`.
 */
export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';
export const LINK_MINUTES = 15;
const UPLOAD_TIMEOUT_MS = 30_000;

const LocaleSchema = z.enum(['da', 'en']);
const ParamsSchema = z.record(z.string().max(64), z.string().max(200));

const ConsentContextSchema = z.object({
  producer: z.string().max(80),
  params: ParamsSchema,
});

const ConsentValueSchema = z.object({
  type: z.literal('fileUpload'),
  action: z.enum(['accept', 'decline']),
  context: ConsentContextSchema,
  uploadInfo: z
    .object({
      name: z.string().min(1).max(255),
      uploadUrl: z.string().min(1).max(4096),
      contentUrl: z.string().min(1).max(4096),
      uniqueId: z.string().max(200).optional(),
      fileType: z.string().max(32).optional(),
    })
    .optional(),
});

const FileLinkDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('file_link'),
  schemaVersion: z.literal(1),
  userId: z.string(),
  locale: LocaleSchema,
  producer: z.string(),
  params: ParamsSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  ttl: z.number().int().positive(),
});
type FileLinkDoc = z.infer<typeof FileLinkDocSchema>;

const linkDocId = (token: string): string => `filelink:${createHash('sha256').update(token).digest('hex')}`;

export type FileDeliveryMode = 'consent' | 'link';

export class FileDelivery {
  private baseUrl: string;
  readonly mode: FileDeliveryMode;

  constructor(
    private readonly services: Services,
    private readonly router: FeatureRouter,
  ) {
    const { config } = services;
    this.mode = config.FILE_DELIVERY ?? (config.MICROSOFT_APP_ID !== undefined ? 'consent' : 'link');
    this.baseUrl = config.PUBLIC_BASE_URL ?? '';
  }

  /** Where the server listens, for links when no public address is configured (local use). */
  listeningAt(url: string): void {
    if (this.services.config.PUBLIC_BASE_URL === undefined) this.baseUrl = url;
  }

  /** Offers a file in the current 1:1 turn (the router only lets case routes run there). */
  async offer(context: TurnContext, ctx: HandlerContext, request: FileRequest): Promise<void> {
    const locale = ctx.actor.locale;
    const producer = this.router.producer(request.producer);
    if (producer === undefined) throw new Error(`No file producer ${request.producer}`);
    if (ctx.conversation.kind !== 'personal') {
      await context.sendActivity(t(locale, 'only.personal'));
      return;
    }
    const file = request.file;
    await this.audit(ctx, 'offer', request.producer, request.params, producer.purpose, 'ok');
    if (this.mode === 'consent') {
      await context.sendActivity({
        type: 'message',
        attachments: [
          {
            contentType: FILE_CONSENT_CONTENT_TYPE,
            name: file.name,
            content: {
              description: t(locale, 'consent.description', { description: file.description }),
              sizeInBytes: file.bytes.byteLength,
              acceptContext: { producer: request.producer, params: request.params },
              declineContext: { producer: request.producer, params: request.params },
            },
          },
        ],
      });
      return;
    }
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(ctx.now.getTime() + LINK_MINUTES * 60_000);
    const doc: FileLinkDoc = {
      id: linkDocId(token),
      tenantId: ctx.actor.tenantId,
      type: 'file_link',
      schemaVersion: 1,
      userId: ctx.actor.userId,
      locale,
      producer: request.producer,
      params: { ...request.params },
      createdAt: ctx.now.toISOString(),
      expiresAt: expires.toISOString(),
      // Removed by TTL a day later (the purge sweep where TTL is not honoured); expiry is checked on use.
      ttl: 86400,
    };
    await upsertDoc(this.services.store.containers.runs, doc);
    const settings = await this.services.directory.getSettings(ctx.actor.tenantId);
    const card = fileLinkCard({
      locale,
      name: file.name,
      description: file.description,
      sizeBytes: file.bytes.byteLength,
      url: `${this.baseUrl}/files/${encodeURIComponent(ctx.actor.tenantId)}/${token}`,
      expiresAt: new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: settings.timeZone,
      }).format(expires),
    });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  /** `fileConsent/invoke`: the user accepted (upload to the URL Teams gave) or declined the file. */
  async onConsent(context: TurnContext, ctx: HandlerContext, rawValue: unknown): Promise<number> {
    const locale = ctx.actor.locale;
    const parsed = ConsentValueSchema.safeParse(rawValue);
    if (!parsed.success) return 400;
    const { action, context: consent, uploadInfo } = parsed.data;
    const producer = this.router.producer(consent.producer);
    if (producer === undefined) return 400;
    if (action === 'decline') {
      await this.audit(ctx, 'decline', consent.producer, consent.params, producer.purpose, 'ok');
      await context.sendActivity(t(locale, 'consent.declined'));
      return 200;
    }
    const allowLoopbackHttp = this.services.config.NODE_ENV === 'test';
    if (uploadInfo === undefined || !downloadUrlAllowed(uploadInfo.uploadUrl, { allowLoopbackHttp })) return 400;
    let file: OutboundFile;
    try {
      file = await this.produce(ctx, consent.producer, consent.params);
    } catch (e) {
      if (e instanceof ForbiddenError) {
        await context.sendActivity(t(locale, 'link.denied'));
        return 200;
      }
      throw e;
    }
    const uploaded = await upload(uploadInfo.uploadUrl, file.bytes);
    if (!uploaded) {
      await this.audit(ctx, 'deliver', consent.producer, consent.params, producer.purpose, 'error');
      await context.sendActivity(t(locale, 'consent.failed'));
      return 200;
    }
    await this.audit(ctx, 'deliver', consent.producer, consent.params, producer.purpose, 'ok');
    await context.sendActivity({
      type: 'message',
      text: t(locale, 'consent.sent', { name: uploadInfo.name }),
      attachments: [
        {
          contentType: FILE_INFO_CONTENT_TYPE,
          contentUrl: uploadInfo.contentUrl,
          name: uploadInfo.name,
          content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? extensionOf(file.name) },
        },
      ],
    });
    return 200;
  }

  /** GET /files/:tenantId/:token — the single-use download behind a link card. */
  route(): EdgeRoute {
    return {
      method: 'get',
      path: '/files/:tenantId/:token',
      handle: async (req: restify.Request, res: restify.Response) => {
        const params = z
          .object({ tenantId: z.string().min(1).max(64), token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
          .safeParse(req.params);
        if (!params.success) return plain(res, 404, t('da', 'link.gone'));
        const { tenantId, token } = params.data;
        const runs = this.services.store.containers.runs;
        const link = await readDoc(runs, linkDocId(token), tenantId, FileLinkDocSchema);
        const now = this.services.clock.now();
        if (link === undefined || link.expiresAt <= now.toISOString()) return plain(res, 410, t('da', 'link.gone'));
        // Single use: whoever deletes the link document serves the file; a second request finds none.
        if (!(await deleteDoc(runs, link.id, tenantId))) return plain(res, 410, t(link.locale, 'link.gone'));
        const user = await this.services.directory.getUser(tenantId, link.userId);
        const ctx = handlerContextFor(
          this.services,
          { tenantId, userId: link.userId, locale: link.locale, storedRoles: user?.roles ?? [] },
          { conversation: { id: '', kind: 'personal', botId: '' }, channel: 'personal' },
          randomUUID(),
          now,
        );
        const producer = this.router.producer(link.producer);
        if (producer === undefined) return plain(res, 410, t(link.locale, 'link.gone'));
        let file: OutboundFile;
        try {
          file = await this.produce(ctx, link.producer, link.params);
        } catch (e) {
          if (!(e instanceof ForbiddenError)) throw e;
          await ctx.guard.recordRefusal(e);
          return plain(res, 403, t(link.locale, 'link.denied'));
        }
        await this.audit(ctx, 'deliver', link.producer, link.params, producer.purpose, 'ok');
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-length': String(file.bytes.byteLength),
          'content-disposition': `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        res.end(Buffer.from(file.bytes));
      },
    };
  }

  private async produce(ctx: HandlerContext, id: string, rawParams: unknown): Promise<OutboundFile> {
    const producer = this.router.producer(id);
    if (producer === undefined) throw new Error(`No file producer ${id}`);
    const params = producer.params.parse(rawParams);
    return producer.produce(ctx, params);
  }

  private async audit(
    ctx: HandlerContext,
    step: 'offer' | 'deliver' | 'decline',
    producer: string,
    params: Readonly<Record<string, string>>,
    purpose: AuditPurpose,
    outcome: 'ok' | 'error',
  ): Promise<void> {
    await this.services.audit.append({
      tenantId: ctx.actor.tenantId,
      at: this.services.clock.now().toISOString(),
      actorId: ctx.actor.userId,
      actorRoles: [...ctx.actor.roles],
      action: `file.${step}.${producer}`,
      kind: 'read',
      ...(params.caseRef !== undefined ? { caseRef: params.caseRef } : {}),
      purpose,
      channel: 'personal',
      outcome,
      correlationId: ctx.correlationId,
    });
  }
}

const extensionOf = (name: string): string => (name.includes('.') ? (name.split('.').pop() ?? '') : '');

/** One PUT of the whole file to the OneDrive upload session Teams created (files here are small). */
async function upload(url: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'PUT',
      headers: {
        'content-length': String(bytes.byteLength),
        'content-range': `bytes 0-${bytes.byteLength - 1}/${bytes.byteLength}`,
      },
      body: Buffer.from(bytes),
      redirect: 'error',
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function plain(res: restify.Response, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}
