import type { z } from 'zod';
import type { Actor } from '../domain/actor';
import type { PolicyAction } from '../domain/policy';
import type { Guard } from '../access/guard';
import type { Logger } from '../log';
import type { Services } from '../services';
import type { AdaptiveCard } from '../../cards/types';
import type { ConversationKind } from '../domain/venue';
import type { AuditPurpose } from '../store/audit-log';

/**
 * The contract between the SDK edge (bot/teams) and the features. A feature sees plain data only:
 * who is acting, where, and what they sent; it answers with text or cards. Moving to another Teams
 * SDK touches bot/teams, not this.
 */
export interface ConversationInfo {
  readonly id: string;
  readonly kind: ConversationKind;
  /** The bot's id in this conversation (`28:<app id>` in Teams), for the link that opens the 1:1 chat with it. */
  readonly botId: string;
  readonly teamId?: string | undefined;
  readonly channelId?: string | undefined;
}

export interface HandlerContext {
  readonly actor: Actor;
  readonly services: Services;
  /** The turn's time; rules get it as an argument. */
  readonly now: Date;
  readonly correlationId: string;
  readonly conversation: ConversationInfo;
  /** The audited, policy-checked path to case data. */
  readonly guard: Guard;
  readonly log: Logger;
}

export type Reply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'file'; readonly file: FileRequest };

export const textReply = (text: string): Reply => ({ kind: 'text', text });
export const cardReply = (card: AdaptiveCard): Reply => ({ kind: 'card', card });
export const fileReply = (file: FileRequest): Reply => ({ kind: 'file', file });

/** A file made for one user (a PDF copy, a case export). Plain bytes; the edge decides how it travels. */
export interface OutboundFile {
  /** Shown to the user and used as the download name; never holds a CPR number or a name of the citizen. */
  readonly name: string;
  readonly contentType: 'application/pdf' | 'application/json';
  readonly bytes: Uint8Array;
  /** One line on the card that offers the file. */
  readonly description: string;
}

/**
 * "Send this file to this user": the feature says which producer makes it and with what parameters.
 * The edge offers it in the user's 1:1 chat and, when the user takes it, asks the producer to make it
 * again under the user's own roles (policy and audit apply again; no file content is stored meanwhile).
 */
export interface FileRequest {
  readonly producer: string;
  readonly params: Readonly<Record<string, string>>;
  /** The file as made now (its name, size and description go on the offer). */
  readonly file: OutboundFile;
}

/** Makes a file for the acting user; runs its reads through `ctx.guard` like any other route. */
export interface FileProducer {
  readonly id: string;
  /** Why the file discloses what it does, for the access log of every offer and delivery. */
  readonly purpose: AuditPurpose;
  readonly params: z.ZodType<Record<string, string>>;
  produce(ctx: HandlerContext, params: Record<string, string>): Promise<OutboundFile>;
}

/**
 * Where a route may run. Undefined means the 1:1 chat only (deny by default): a route that should work
 * in group chats and channels, where everyone reads along, must say so, and then shows nothing of a case.
 */
export interface RouteScope {
  readonly conversations?: readonly ConversationKind[];
}

export interface Command extends RouteScope {
  readonly id: string;
  /** Matched against the message text with the bot mention removed, trimmed and lower-cased. Danish and English both work. */
  readonly patterns: readonly RegExp[];
  /** Shown in the help card only to users whose role allows this. Undefined: shown to everyone with a role. */
  readonly permission?: PolicyAction;
  /** Also for users without any role: it concerns the user, never a case (their language). */
  readonly withoutRole?: boolean;
  readonly help?: {
    readonly da: string;
    readonly en: string;
    readonly example: { readonly da: string; readonly en: string };
  };
  /**
   * A button for this command on the welcome card (title per language). `always`: also on the help
   * card, after the role's buttons, and never left out for lack of room.
   */
  readonly quickAction?: { readonly da: string; readonly en: string; readonly always?: boolean };
  /**
   * How the help card starts it: `run` runs the example as it is; `caseRef` asks for a case number
   * first (the example's last word is its placeholder). Undefined: the help card shows it to type.
   */
  readonly helpButton?: 'run' | 'caseRef';
  handle(
    ctx: HandlerContext,
    input: {
      readonly text: string;
      readonly match: RegExpMatchArray;
      /** The message as sent (already CPR-checked), for commands that carry data whose case matters (JSON, case refs). */
      readonly rawText: string;
      /**
       * `match` as the user typed it (letter case kept), index for index: a case reference echoed back
       * in a reply is the one the user wrote ("SAG-A01", not "sag-a01").
       */
      readonly typed: readonly (string | undefined)[];
    },
  ): Promise<Reply[]>;
}

/** A file a user sent the bot (in Teams: a personal-chat attachment). Plain data; the edge downloads it. */
export interface InboundFile {
  readonly name: string;
  /** The extension Teams reports, lower-case (e.g. `json`). */
  readonly fileType: string;
  /** Downloads the content as UTF-8 text (size-capped; the router checks it for CPR numbers). */
  read(): Promise<string>;
}

export interface FileHandler extends RouteScope {
  readonly id: string;
  readonly permission: PolicyAction;
  accepts(file: Pick<InboundFile, 'name' | 'fileType'>): boolean;
  /**
   * When several features take the same kind of file (JSON catalogues), the content decides: a
   * handler that says this is taken before one that does not ask.
   */
  acceptsContent?(content: string): boolean;
  handle(ctx: HandlerContext, file: InboundFile): Promise<Reply[]>;
}

/** What a card action answers: the card that replaces the clicked one, and anything to post after it. */
export interface ActionOutcome {
  readonly card: AdaptiveCard;
  /** `everyone` also updates the message for all members of a group chat or channel. */
  readonly refreshFor?: 'interactor' | 'everyone';
  readonly followUps?: readonly Reply[];
}

/** Input the router refused before any handler ran: a CPR-shaped number in what the user typed. */
export interface InputRefusal {
  readonly kind: 'cpr';
  /** The card data keys that held one (their values are masked in the data the form gets back). */
  readonly fields: readonly string[];
}

export interface CardAction<S extends z.ZodType = z.ZodType> extends RouteScope {
  readonly verb: string;
  /** Validates the card's data (inputs merged in). A mismatch gets a friendly message and writes nothing. */
  readonly schema: S;
  handle(ctx: HandlerContext, data: z.output<S>): Promise<ActionOutcome>;
  /**
   * Gives a form back after the router refused its input, with the user's values (the offending
   * numbers masked) and the field named, so nothing has to be typed again. Must not write anything.
   * Without it the user gets the refusal as a message instead of the form.
   */
  refusedInput?(ctx: HandlerContext, data: z.output<S>, refusal: InputRefusal): Promise<ActionOutcome>;
}

export interface Feature {
  readonly name: string;
  readonly commands?: readonly Command[];
  readonly actions?: readonly CardAction[];
  /** Files this feature takes (e.g. an indicator set as JSON). */
  readonly files?: readonly FileHandler[];
  /** Files this feature makes for a user (sent in the 1:1 chat through the edge's file delivery). */
  readonly producers?: readonly FileProducer[];
}

/** Keeps the schema's type when declaring an action in a list. */
export const defineAction = <S extends z.ZodType>(action: CardAction<S>): CardAction => action as unknown as CardAction;
