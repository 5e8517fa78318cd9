import { z } from 'zod';
import { CprInTextError, ForbiddenError } from '../domain/errors';
import { fieldsWithCpr, maskCprIn } from '../domain/cpr-guard';
import { decide, POLICY, type PolicyAction } from '../domain/policy';
import { PERSONAL_ONLY, type ConversationKind } from '../domain/venue';
import { common } from '../i18n/common';
import { messageCard } from '../../cards/common/message-card';
import { personalChatCard } from '../../cards/common/personal-chat-card';
import { roleNeededCard } from '../../cards/admin/role-needed-card';
import { errorToText, isExpectedError } from './errors-to-text';
import type { AdaptiveCard } from '../../cards/types';
import type {
  ActionOutcome,
  CardAction,
  Command,
  Feature,
  FileHandler,
  FileProducer,
  HandlerContext,
  InboundFile,
  Reply,
  RouteScope,
} from './feature';

/**
 * Routes plain input to features: message text to commands, card verbs to actions. It applies the
 * rules every route shares, so no feature can forget them: the CPR guard on all free text before
 * anything is stored or logged, the role requirement, payload validation, and friendly errors.
 */
export class FeatureRouter {
  private readonly commands: Command[];
  private readonly actions = new Map<string, CardAction>();
  private readonly files: FileHandler[];
  private readonly producers = new Map<string, FileProducer>();

  constructor(features: readonly Feature[]) {
    this.commands = features.flatMap((f) => f.commands ?? []);
    this.files = features.flatMap((f) => f.files ?? []);
    for (const producer of features.flatMap((f) => f.producers ?? [])) {
      if (this.producers.has(producer.id)) throw new Error(`Duplicate file producer: ${producer.id}`);
      this.producers.set(producer.id, producer);
    }
    for (const action of features.flatMap((f) => f.actions ?? [])) {
      if (this.actions.has(action.verb)) throw new Error(`Duplicate card verb: ${action.verb}`);
      this.actions.set(action.verb, action);
    }
  }

  /** Commands the actor may use in this conversation, in registration order (for the help and welcome cards). */
  visibleCommands(ctx: Pick<HandlerContext, 'actor' | 'conversation'>): Command[] {
    const kind = ctx.conversation.kind;
    if (ctx.actor.roles.length === 0)
      return this.commands.filter(
        (c) => c.help !== undefined && c.withoutRole === true && (c.conversations ?? PERSONAL_ONLY).includes(kind),
      );
    return this.commands.filter(
      (c) =>
        c.help !== undefined &&
        (c.conversations ?? PERSONAL_ONLY).includes(kind) &&
        (c.permission === undefined || decide(ctx.actor, c.permission, kind).allowed),
    );
  }

  /** The producer that makes a file again when the user takes it (undefined: unknown or stale). */
  producer(id: string): FileProducer | undefined {
    return this.producers.get(id);
  }

  hasVerb(verb: string): boolean {
    return this.actions.has(verb);
  }

  /** The action behind a verb (tests check its schema to know which payloads must write nothing). */
  action(verb: string): CardAction | undefined {
    return this.actions.get(verb);
  }

  /** Every registered card verb (the hostile-input tests send malformed data to each). */
  verbs(): string[] {
    return [...this.actions.keys()];
  }

  /** Every route with the conversations it may run in (the conversation-kind test walks all of them). */
  routes(): { kind: 'command' | 'action' | 'file'; id: string; conversations: readonly ConversationKind[] }[] {
    const scope = (r: RouteScope) => r.conversations ?? PERSONAL_ONLY;
    return [
      ...this.commands.map((c) => ({ kind: 'command' as const, id: c.id, conversations: scope(c) })),
      ...[...this.actions.values()].map((a) => ({ kind: 'action' as const, id: a.verb, conversations: scope(a) })),
      ...this.files.map((f) => ({ kind: 'file' as const, id: f.id, conversations: scope(f) })),
    ];
  }

  /** Every registered command, in the order they are tried. */
  listCommands(): readonly Command[] {
    return this.commands;
  }

  /** The command a message would run (before any permission check), or undefined. */
  commandFor(
    rawText: string,
  ): { command: Command; text: string; match: RegExpMatchArray; typed: (string | undefined)[] } | undefined {
    const asTyped = normaliseSpacing(rawText);
    const text = asTyped.toLowerCase();
    for (const command of this.commands) {
      for (const pattern of command.patterns) {
        const match = text.match(pattern);
        if (match !== null) return { command, text, match, typed: typedGroups(pattern, text, asTyped, match) };
      }
    }
    return undefined;
  }

  async handleMessage(ctx: HandlerContext, rawText: string): Promise<Reply[]> {
    try {
      if (fieldsWithCpr(rawText, ctx.now).length > 0) throw new CprInTextError();
      const found = this.commandFor(rawText);
      if (found !== undefined) {
        const { command, text, match, typed } = found;
        const elsewhere = await this.refuseOutsideScope(ctx, command, command.id);
        if (elsewhere !== undefined) return [{ kind: 'card', card: elsewhere }];
        if (command.permission !== undefined) {
          const needed = await this.roleNeededByAdmin(ctx, command.permission, text);
          if (needed !== undefined) return [{ kind: 'card', card: needed }];
          ctx.guard.require(command.permission);
        } else if (ctx.actor.roles.length === 0 && command.id !== 'help' && command.withoutRole !== true)
          throw new ForbiddenError(command.id, 'no_role');
        return await command.handle(ctx, { text, match, rawText, typed });
      }
      return [{ kind: 'text', text: common(ctx.actor.locale, 'unknown.command') }];
    } catch (error) {
      return [{ kind: 'text', text: await this.explain(ctx, error) }];
    }
  }

  /**
   * A file the user sent: the first feature that takes its kind handles it, after the role check;
   * its content is checked for CPR numbers before the feature sees it.
   */
  async handleFile(ctx: HandlerContext, file: InboundFile): Promise<Reply[]> {
    try {
      if (fieldsWithCpr(file.name, ctx.now).length > 0) throw new CprInTextError('file.name');
      const candidates = this.files.filter((h) => h.accepts(file));
      let handler = candidates[0];
      if (handler === undefined) return [{ kind: 'text', text: common(ctx.actor.locale, 'error.file_unsupported') }];
      let content: Promise<string> | undefined;
      const read = (): Promise<string> =>
        (content ??= file.read().then((text) => {
          if (fieldsWithCpr(text, ctx.now).length > 0) throw new CprInTextError('file');
          return text;
        }));
      if (candidates.some((h) => h.acceptsContent !== undefined)) {
        // Several features take this kind of file: the content says which. Checked before it is read:
        // the user must be allowed to send such a file here at all.
        const elsewhere = await this.refuseOutsideScope(ctx, handler, handler.id);
        if (elsewhere !== undefined) return [{ kind: 'card', card: elsewhere }];
        if (!candidates.some((h) => ctx.guard.allows(h.permission))) ctx.guard.require(handler.permission);
        const text = await read();
        handler =
          candidates.find((h) => h.acceptsContent?.(text) === true) ??
          candidates.find((h) => h.acceptsContent === undefined) ??
          handler;
      }
      const elsewhere = await this.refuseOutsideScope(ctx, handler, handler.id);
      if (elsewhere !== undefined) return [{ kind: 'card', card: elsewhere }];
      ctx.guard.require(handler.permission);
      return await handler.handle(ctx, { name: file.name, fileType: file.fileType, read });
    } catch (error) {
      return [{ kind: 'text', text: await this.explain(ctx, error) }];
    }
  }

  async handleAction(ctx: HandlerContext, verb: string, rawData: unknown): Promise<ActionOutcome> {
    const locale = ctx.actor.locale;
    const action = this.actions.get(verb);
    if (action === undefined)
      return { card: messageCard(common(locale, 'error.unknown_action'), { tone: 'attention' }) };
    // Before the payload is even read: in a shared conversation the answer must not depend on it.
    const elsewhere = await this.refuseOutsideScope(ctx, action, verb);
    if (elsewhere !== undefined) return { card: elsewhere };
    try {
      const cprFields = fieldsWithCpr(rawData, ctx.now);
      if (cprFields.length > 0) return await this.refuseCpr(ctx, action, rawData, cprFields);
      const parsed = action.schema.safeParse(stripTransportFields(rawData));
      if (!parsed.success) {
        ctx.log.info({ verb, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'Card payload rejected');
        return { card: messageCard(common(locale, 'error.malformed'), { tone: 'attention' }) };
      }
      return await action.handle(ctx, parsed.data);
    } catch (error) {
      return { card: messageCard(await this.explain(ctx, error), { tone: 'attention' }) };
    }
  }

  /**
   * A CPR-shaped number in what the user typed: nothing is stored or logged. A form that can take
   * its values back is shown again with the numbers masked and the field named; otherwise a message.
   */
  private async refuseCpr(
    ctx: HandlerContext,
    action: CardAction,
    rawData: unknown,
    fields: readonly string[],
  ): Promise<ActionOutcome> {
    ctx.log.info({ verb: action.verb, fields: fields.length }, 'CPR-shaped number refused');
    if (action.refusedInput !== undefined) {
      const parsed = action.schema.safeParse(stripTransportFields(maskCprIn(rawData, ctx.now)));
      if (parsed.success) return action.refusedInput(ctx, parsed.data, { kind: 'cpr', fields });
    }
    throw new CprInTextError(fields[0]);
  }

  /**
   * The kind of conversation is checked before anything else of a route runs, so a case command in a
   * channel or group chat answers the same whether the case exists or not: a pointer to the 1:1 chat.
   */
  private async refuseOutsideScope(
    ctx: HandlerContext,
    route: RouteScope,
    what: string,
  ): Promise<AdaptiveCard | undefined> {
    const allowed = route.conversations ?? PERSONAL_ONLY;
    if (allowed.includes(ctx.conversation.kind)) return undefined;
    await ctx.guard
      .recordRefusal(new ForbiddenError(what, 'conversation'))
      .catch((e: unknown) => ctx.log.error({ err: e }, 'Could not log a refusal'));
    ctx.log.info({ route: what, conversation: ctx.conversation.kind }, 'Route refused outside the 1:1 chat');
    return personalChatCard({ locale: ctx.actor.locale, botId: ctx.conversation.botId });
  }

  /**
   * An admin who lacks the role a command needs (admins are not screeners by default) is told which
   * role it is, with a button to take it, instead of "ask your admin". The refusal is logged as any other.
   */
  private async roleNeededByAdmin(
    ctx: HandlerContext,
    permission: PolicyAction,
    text: string,
  ): Promise<AdaptiveCard | undefined> {
    // Roles are managed in the 1:1 chat only; elsewhere the admin gets the ordinary refusal.
    if (ctx.conversation.kind !== 'personal') return undefined;
    const decision = decide(ctx.actor, permission, ctx.conversation.kind);
    if (decision.allowed || decision.reason !== 'role' || !ctx.guard.allows('roles.manage')) return undefined;
    await ctx.guard
      .recordRefusal(new ForbiddenError(permission, 'role'))
      .catch((e: unknown) => ctx.log.error({ err: e }, 'Could not log a refusal'));
    return roleNeededCard({ locale: ctx.actor.locale, command: text, roles: POLICY[permission] });
  }

  private async explain(ctx: HandlerContext, error: unknown): Promise<string> {
    if (error instanceof ForbiddenError)
      await ctx.guard.recordRefusal(error).catch((e: unknown) => ctx.log.error({ err: e }, 'Could not log a refusal'));
    if (isExpectedError(error)) ctx.log.info({ kind: (error as { kind?: string }).kind }, 'Turn refused');
    else ctx.log.error({ err: error }, 'Turn failed');
    return errorToText(error, ctx.actor.locale);
  }
}

/** Lower-case, single spaces, no surrounding punctuation; the bot's @mention is removed by the edge. */
export function normaliseCommandText(text: string): string {
  return normaliseSpacing(text).toLowerCase();
}

/** Single spaces, no tags or surrounding punctuation; letter case kept. */
function normaliseSpacing(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[!/]+/, '')
    .replace(/[.!?]+$/, '');
}

/**
 * The match's groups cut from the text as typed. Patterns match the lower-cased text; where lower-
 * casing kept every position (it almost always does) the same spans of the typed text are the
 * groups in the user's own letter case, else the lower-cased groups are all there is.
 */
function typedGroups(
  pattern: RegExp,
  lowered: string,
  asTyped: string,
  match: RegExpMatchArray,
): (string | undefined)[] {
  if (lowered.length !== asTyped.length) return [...match];
  const withIndices = new RegExp(pattern.source, pattern.flags.replace(/[dg]/g, '') + 'd').exec(lowered);
  const spans = withIndices?.indices;
  if (spans === undefined) return [...match];
  return [...match].map((group, i) => {
    const span = spans[i];
    return group === undefined || span === undefined ? group : asTyped.slice(span[0], span[1]);
  });
}

const TransportFields = z.object({ verb: z.unknown().optional() }).catchall(z.unknown());

/** The verb travels in the data for Action.Submit fallbacks; handlers never need it. */
function stripTransportFields(data: unknown): unknown {
  const parsed = TransportFields.safeParse(data ?? {});
  if (!parsed.success) return data;
  const { verb: _verb, ...rest } = parsed.data;
  return rest;
}
