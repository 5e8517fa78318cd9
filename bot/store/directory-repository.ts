import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConflictError } from '../domain/errors';
import { RoleSchema, type Role } from '../domain/roles';
import type { Locale } from '../i18n/locale';
import { TenantSettingsSchema, defaultTenantSettings, type TenantSettings } from '../domain/tenant-settings';
import type { Store } from './cosmos-store';
import { KeptPerTenant } from './kept-per-tenant';
import {
  deleteDoc,
  queryAll,
  queryPage,
  readDoc,
  readDocIfChanged,
  replaceIfMatch,
  upsertDoc,
  createDoc,
  type Page,
  type WithEtag,
} from './documents';

/** Staff known to the bot: roles, and the Bot Framework id needed to open a 1:1 chat. */
export const UserDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('user'),
  schemaVersion: z.literal(1),
  userId: z.string(),
  /** The name Teams shows; empty while the person has not written to the bot and nobody typed a name. */
  displayName: z.string(),
  botUserId: z.string().optional(),
  /**
   * The user's current 1:1 chat with the bot: the one they last wrote from, or the one the bot last
   * opened. Teams gives a new one after a reinstall (and the Playground on every start).
   */
  personalConversationId: z.string().optional(),
  roles: z.array(RoleSchema),
  /** The language the user chose (`sprog dansk` / `language english`); absent: DEFAULT_LANGUAGE decides. */
  language: z.enum(['da', 'en']).optional(),
  /** The language Teams last sent for the user, for what Fremdrift sends on its own initiative. */
  teamsLocale: z.enum(['da', 'en']).optional(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().optional(),
});
export type UserDoc = z.infer<typeof UserDocSchema>;

export const InstallationScopeSchema = z.enum(['personal', 'groupChat', 'team']);
export type InstallationScope = z.infer<typeof InstallationScopeSchema>;

/** A conversation the bot was installed in: enough to send to it proactively (PRODUCT.md §2). */
export const InstallationDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('installation'),
  schemaVersion: z.literal(1),
  scope: InstallationScopeSchema,
  conversationId: z.string(),
  serviceUrl: z.string(),
  channelId: z.string(),
  botId: z.string(),
  teamId: z.string().optional(),
  selectedChannelId: z.string().optional(),
  /** For personal installations: the Entra object id of the user. */
  userId: z.string().optional(),
  installedAt: z.string(),
  updatedAt: z.string(),
});
export type InstallationDoc = z.infer<typeof InstallationDocSchema>;

const SettingsDocSchema = z.object({
  id: z.literal('settings'),
  tenantId: z.string(),
  type: z.literal('settings'),
  schemaVersion: z.literal(1),
  settings: TenantSettingsSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const userDocId = (userId: string): string => `user:${userId}`;

/** True when the bot knows the person's name (older documents kept the Entra id as the name). */
export const hasName = (user: Pick<UserDoc, 'userId' | 'displayName'>): boolean =>
  user.displayName.trim() !== '' && user.displayName.toLowerCase() !== user.userId.toLowerCase();
/** Teams conversation ids can be longer than Cosmos' 255-character id limit, so the id is a hash. */
export const installationDocId = (conversationId: string): string =>
  `install:${createHash('sha256').update(conversationId).digest('hex').slice(0, 40)}`;

/**
 * How long an instance uses the tenant settings it read before it asks the store again (with the
 * ETag, so an unchanged document costs a 304 in Azure). Settings change rarely and by hand; another
 * instance sees a change within this time, the instance that saved it at once.
 */
export const SETTINGS_CACHE_MS = 10_000;

interface KeptSettings {
  readonly settings: TenantSettings;
  readonly etag: string | undefined;
}

/** The order `ORDER BY c.displayName` gives (ordinal string order). */
const byDisplayName = (a: UserDoc, b: UserDoc): number =>
  a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0;

export class DirectoryRepository {
  private readonly settingsKept: KeptPerTenant<KeptSettings>;
  /** The roles card's staff list per tenant: see staffList. */
  private readonly staffKept: KeptPerTenant<readonly WithEtag<UserDoc>[]>;
  private readonly settingsCacheMs: number;

  constructor(
    private readonly store: Store,
    options: { readonly settingsCacheMs?: number; readonly monotonicNow?: () => number } = {},
  ) {
    this.settingsCacheMs = options.settingsCacheMs ?? SETTINGS_CACHE_MS;
    this.settingsKept = new KeptPerTenant(this.settingsCacheMs, options.monotonicNow);
    this.staffKept = new KeptPerTenant(this.settingsCacheMs, options.monotonicNow);
  }

  private get container() {
    return this.store.containers.directory;
  }

  /** How long this instance keeps what it read of a tenant's settings, staff and catalogues. */
  get cacheMs(): number {
    return this.settingsCacheMs;
  }

  getUser(tenantId: string, userId: string): Promise<WithEtag<UserDoc> | undefined> {
    return readDoc(this.container, userDocId(userId), tenantId, UserDocSchema);
  }

  /**
   * Remembers a user the bot has seen (name, Bot Framework id, and the personal chat they wrote
   * from), keeping their roles. An activity without a name keeps the name known so far. Writes only
   * when something changed, so an ordinary turn costs one point read.
   */
  async recordSeen(
    tenantId: string,
    seen: {
      userId: string;
      displayName?: string | undefined;
      botUserId?: string | undefined;
      personalConversationId?: string | undefined;
      teamsLocale?: Locale | undefined;
    },
    now: Date,
  ): Promise<WithEtag<UserDoc>> {
    // Two turns of one user at once (Teams re-sends install events together) may both change the
    // document; the one that loses the ETag race reads again and applies its change on top.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.recordSeenOnce(tenantId, seen, now);
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= 3) throw e;
      }
    }
  }

  private async recordSeenOnce(
    tenantId: string,
    seen: Parameters<DirectoryRepository['recordSeen']>[1],
    now: Date,
  ): Promise<WithEtag<UserDoc>> {
    const existing = await this.getUser(tenantId, seen.userId);
    const displayName = seen.displayName || existing?.displayName || '';
    if (
      existing !== undefined &&
      existing.displayName === displayName &&
      (seen.botUserId === undefined || existing.botUserId === seen.botUserId) &&
      (seen.teamsLocale === undefined || existing.teamsLocale === seen.teamsLocale) &&
      (seen.personalConversationId === undefined || existing.personalConversationId === seen.personalConversationId)
    ) {
      return existing;
    }
    const doc: UserDoc = {
      ...(existing ?? {
        id: userDocId(seen.userId),
        tenantId,
        type: 'user',
        schemaVersion: 1,
        userId: seen.userId,
        roles: [],
        firstSeenAt: now.toISOString(),
      }),
      displayName,
      ...(seen.botUserId !== undefined ? { botUserId: seen.botUserId } : {}),
      ...(seen.teamsLocale !== undefined ? { teamsLocale: seen.teamsLocale } : {}),
      ...(seen.personalConversationId !== undefined ? { personalConversationId: seen.personalConversationId } : {}),
      updatedAt: now.toISOString(),
    };
    if (existing === undefined) {
      const etag = await upsertDoc(this.container, doc);
      return this.remember(tenantId, { ...doc, _etag: etag });
    }
    const { _etag, ...rest } = existing;
    const etag = await replaceIfMatch(this.container, { ...rest, ...doc }, tenantId, _etag);
    return this.remember(tenantId, { ...doc, _etag: etag });
  }

  /**
   * Sets a user's roles (creating the user if an admin names someone the bot has not seen yet). A
   * name given with the grant is kept for a person whose name the bot does not know yet; the name
   * Teams sends replaces it when they write (recordSeen).
   */
  async setRoles(
    tenantId: string,
    userId: string,
    roles: readonly Role[],
    by: string,
    now: Date,
    displayName?: string,
    /** The user as the caller just read it (undefined: not stored yet), so it is not read twice. */
    known?: { readonly existing: WithEtag<UserDoc> | undefined },
  ): Promise<UserDoc> {
    const existing = known !== undefined ? known.existing : await this.getUser(tenantId, userId);
    const unique = [...new Set(roles)];
    if (existing === undefined) {
      const doc: UserDoc = {
        id: userDocId(userId),
        tenantId,
        type: 'user',
        schemaVersion: 1,
        userId,
        displayName: displayName ?? '',
        roles: unique,
        firstSeenAt: now.toISOString(),
        updatedAt: now.toISOString(),
        updatedBy: by,
      };
      this.remember(tenantId, { ...doc, _etag: await createDoc(this.container, doc) });
      return doc;
    }
    const { _etag, ...rest } = existing;
    const named = !hasName(rest) && displayName ? { displayName } : {};
    const doc: UserDoc = { ...rest, ...named, roles: unique, updatedAt: now.toISOString(), updatedBy: by };
    this.remember(tenantId, { ...doc, _etag: await replaceIfMatch(this.container, doc, tenantId, _etag) });
    return doc;
  }

  /**
   * Stores the language a user chose. The user exists (every turn records who is acting first); a
   * concurrent write to the same user (a role granted meanwhile) is read again rather than lost.
   */
  async setLanguage(tenantId: string, userId: string, language: Locale, now: Date): Promise<UserDoc | undefined> {
    for (let attempt = 0; ; attempt++) {
      const existing = await this.getUser(tenantId, userId);
      if (existing === undefined) return undefined;
      const { _etag, ...rest } = existing;
      const doc: UserDoc = { ...rest, language, updatedAt: now.toISOString() };
      try {
        this.remember(tenantId, { ...doc, _etag: await replaceIfMatch(this.container, doc, tenantId, _etag) });
        return doc;
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= 2) throw e;
      }
    }
  }

  listUsers(tenantId: string): Promise<WithEtag<UserDoc>[]> {
    return queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "user" ORDER BY c.displayName',
        parameters: [{ name: '@t', value: tenantId }],
      },
      UserDocSchema,
    );
  }

  /**
   * Every user of the tenant for the roles card, kept per instance like the settings (see
   * SETTINGS_CACHE_MS): a user this instance writes (a role saved, a name or language learnt) is
   * changed in the kept list at once; a change made on another instance shows within the cache
   * time. Without it every role saved cost a query of the whole directory for the answer card.
   * Decisions never come from this list: roles are checked on the user's own document each turn.
   */
  staffList(tenantId: string): Promise<readonly WithEtag<UserDoc>[]> {
    return this.staffKept.get(tenantId, () => this.listUsers(tenantId));
  }

  /** Puts a user this instance wrote into its kept staff list, if it keeps one. */
  private remember(tenantId: string, user: WithEtag<UserDoc>): WithEtag<UserDoc> {
    this.staffKept.update(tenantId, (users) =>
      [...users.filter((u) => u.userId !== user.userId), user].sort(byDisplayName),
    );
    return user;
  }

  async listUsersWithRole(tenantId: string, role: Role): Promise<UserDoc[]> {
    return queryAll(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "user" AND ARRAY_CONTAINS(c.roles, @r) ORDER BY c.displayName',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: role },
        ],
      },
      UserDocSchema,
    );
  }

  async saveInstallation(
    doc: Omit<InstallationDoc, 'id' | 'type' | 'schemaVersion' | 'installedAt' | 'updatedAt'>,
    now: Date,
  ): Promise<InstallationDoc> {
    const id = installationDocId(doc.conversationId);
    const existing = await readDoc(this.container, id, doc.tenantId, InstallationDocSchema);
    const full: InstallationDoc = {
      ...doc,
      id,
      type: 'installation',
      schemaVersion: 1,
      installedAt: existing?.installedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await upsertDoc(this.container, full);
    return full;
  }

  getInstallation(tenantId: string, conversationId: string): Promise<WithEtag<InstallationDoc> | undefined> {
    return readDoc(this.container, installationDocId(conversationId), tenantId, InstallationDocSchema);
  }

  removeInstallation(tenantId: string, conversationId: string): Promise<boolean> {
    return deleteDoc(this.container, installationDocId(conversationId), tenantId);
  }

  /** Removes a team's installation (and any of its channel conversations) when the bot leaves the team or the team is deleted. */
  async removeTeamInstallations(tenantId: string, teamId: string): Promise<number> {
    const docs = await queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "installation" AND c.teamId = @team',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@team', value: teamId },
        ],
      },
      InstallationDocSchema,
    );
    await Promise.all(docs.map((d) => deleteDoc(this.container, d.id, tenantId)));
    return docs.length;
  }

  /**
   * The user's current personal chat with the bot (see `personalConversationId`); for a user not
   * seen since that was recorded, their most recently stored personal installation.
   */
  async getPersonalInstallation(tenantId: string, userId: string): Promise<InstallationDoc | undefined> {
    const current = (await this.getUser(tenantId, userId))?.personalConversationId;
    if (current !== undefined) {
      const installation = await this.getInstallation(tenantId, current);
      if (installation?.scope === 'personal') return installation;
    }
    const docs = await queryAll(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "installation" AND c.scope = "personal" AND c.userId = @u ORDER BY c.updatedAt DESC',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@u', value: userId },
        ],
      },
      InstallationDocSchema,
    );
    return docs[0];
  }

  /** Makes `conversationId` the user's current personal chat (after the bot opened a new one). */
  async setPersonalConversation(tenantId: string, userId: string, conversationId: string, now: Date): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await this.getUser(tenantId, userId);
      if (existing === undefined || existing.personalConversationId === conversationId) return;
      const { _etag, ...rest } = existing;
      try {
        await replaceIfMatch(
          this.container,
          { ...rest, personalConversationId: conversationId, updatedAt: now.toISOString() },
          tenantId,
          _etag,
        );
        return;
      } catch (e) {
        // The user wrote meanwhile (recordSeen): read again and apply on top.
        if (!(e instanceof ConflictError)) throw e;
      }
    }
  }

  listInstallations(
    tenantId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<InstallationDoc>>> {
    return queryPage(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "installation"',
        parameters: [{ name: '@t', value: tenantId }],
      },
      InstallationDocSchema,
      options,
    );
  }

  /** The tenant's settings (defaults until an admin saves some), cached per instance: see SETTINGS_CACHE_MS. */
  async getSettings(tenantId: string): Promise<TenantSettings> {
    const kept = await this.settingsKept.get(tenantId, async (old) => {
      const read = await readDocIfChanged(this.container, 'settings', tenantId, SettingsDocSchema, old?.etag);
      if (read === 'unchanged' && old !== undefined) return old;
      return read === 'unchanged' || read === undefined
        ? { settings: defaultTenantSettings(), etag: undefined }
        : { settings: read.settings, etag: read._etag };
    });
    return kept.settings;
  }

  async saveSettings(tenantId: string, settings: TenantSettings, by: string, now: Date): Promise<void> {
    this.settingsKept.forget(tenantId);
    const etag = await upsertDoc(this.container, {
      id: 'settings',
      tenantId,
      type: 'settings',
      schemaVersion: 1,
      settings,
      updatedAt: now.toISOString(),
      updatedBy: by,
    });
    this.settingsKept.set(tenantId, { settings, etag });
  }
}
