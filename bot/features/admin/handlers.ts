import { z } from 'zod';
import { adminText as t } from '../../i18n/admin';
import { common } from '../../i18n/common';
import { isConfiguredAdmin } from '../../config';
import { editableRoles, rolesCard, type StaffRow, type TypedRoles } from '../../../cards/admin/roles-card';
import { roleTakenCard } from '../../../cards/admin/role-needed-card';
import { settingsCard } from '../../../cards/admin/settings-card';
import { applySettingsForm } from './settings-rules';
import { businessDate } from '../../domain/calendar';
import type { AdaptiveCard } from '../../../cards/types';
import { cardReply, defineAction, textReply, type Feature, type HandlerContext } from '../feature';
import { isEntraObjectId, parseRoles, setRoles } from './set-roles';
import { resolveColleague } from './resolve-colleague';
import { staffName } from '../staff-name';
import { InvalidInputError } from '../../domain/errors';
import { RoleSchema, isRole, type Role } from '../../domain/roles';

async function staffRows(ctx: HandlerContext): Promise<StaffRow[]> {
  const users = await ctx.services.directory.staffList(ctx.actor.tenantId);
  return users.map((u) => ({
    userId: u.userId,
    name: staffName(u, ctx.actor.locale),
    roles: u.roles,
    configuredAdmin: isConfiguredAdmin(ctx.services.config, u.userId),
  }));
}

async function currentRolesCard(
  ctx: HandlerContext,
  extra: { notice?: string; error?: string; typed?: TypedRoles } = {},
): Promise<AdaptiveCard> {
  return rolesCard({ locale: ctx.actor.locale, staff: await staffRows(ctx), ...extra });
}

/** A user's roles as the app applies them: the stored ones, and admin for a configured admin. */
const effectiveRoles = (ctx: HandlerContext, user: { userId: string; roles: readonly Role[] }): Role[] =>
  isConfiguredAdmin(ctx.services.config, user.userId) && !user.roles.includes('admin')
    ? [...user.roles, 'admin']
    : [...user.roles];

const roleNames = (ctx: HandlerContext, user: { userId: string; roles: readonly Role[] }): string => {
  const roles = effectiveRoles(ctx, user);
  return roles.length === 0
    ? t(ctx.actor.locale, 'roles.none')
    : roles.map((r) => common(ctx.actor.locale, `role.${r}`)).join(', ');
};

/** The roles parsed from a multi-select, or the message for a value that is not one of them. */
function rolesFrom(ctx: HandlerContext, value: string): { roles: Role[] } | { error: string } {
  try {
    return { roles: parseRoles(value) };
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    return {
      error: common(ctx.actor.locale, 'error.invalid_choice', { field: t(ctx.actor.locale, 'roles.add.roles') }),
    };
  }
}

/** Grant/revoke by text: "giv rolle screener til Megan Bowen" or "… til <Entra id>", "fjern rolle leder fra …". */
const GRANT = /^(?:giv rolle|tildel rolle|grant role|grant) (\w+) (?:til|to) (.{1,100})$/;
const REVOKE = /^(?:fjern rolle|revoke role|revoke) (\w+) (?:fra|from) (.{1,100})$/;

export const adminFeature: Feature = {
  name: 'admin',
  commands: [
    {
      id: 'roles',
      patterns: [/^(roller|roles)$/],
      permission: 'roles.manage',
      help: { da: t('da', 'roles.cmd.help'), en: t('en', 'roles.cmd.help'), example: { da: 'roller', en: 'roles' } },
      quickAction: { da: t('da', 'roles.quick'), en: t('en', 'roles.quick') },
      helpButton: 'run',
      handle: async (ctx) => [cardReply(await currentRolesCard(ctx))],
    },
    {
      id: 'roles.grant',
      patterns: [GRANT, REVOKE],
      permission: 'roles.manage',
      help: {
        da: t('da', 'roles.cmd.grant'),
        en: t('en', 'roles.cmd.grant'),
        example: { da: 'giv rolle screener til NAVN', en: 'grant role screener to NAME' },
      },
      handle: async (ctx, { match }) => {
        const locale = ctx.actor.locale;
        const [, roleName = '', who = ''] = match;
        if (!isRole(roleName))
          return [textReply(common(locale, 'error.invalid_choice', { field: t(locale, 'roles.add.roles') }))];
        const person = await resolveColleague(ctx, who);
        if (person === 'unknown') return [textReply(t(locale, 'roles.unknown_name', { name: who }))];
        if (person === 'ambiguous') return [textReply(t(locale, 'roles.ambiguous_name', { name: who }))];
        const current = person.user?.roles ?? [];
        const next = GRANT.test(match[0]) ? [...current, roleName] : current.filter((r) => r !== roleName);
        const saved = await setRoles(ctx, person.userId, next);
        if (saved === 'self_admin') return [textReply(t(locale, 'roles.self_admin'))];
        return [
          textReply(t(locale, 'roles.granted', { name: staffName(saved, locale), roles: roleNames(ctx, saved) })),
        ];
      },
    },
    {
      id: 'settings',
      patterns: [/^(indstillinger|settings)$/],
      permission: 'settings.manage',
      help: {
        da: t('da', 'settings.cmd.help'),
        en: t('en', 'settings.cmd.help'),
        example: { da: 'indstillinger', en: 'settings' },
      },
      helpButton: 'run',
      handle: async (ctx) => [
        cardReply(
          settingsCard({
            locale: ctx.actor.locale,
            settings: await ctx.services.directory.getSettings(ctx.actor.tenantId),
          }),
        ),
      ],
    },
  ],
  actions: [
    defineAction({
      verb: 'admin.settings.save',
      schema: z.record(z.string(), z.union([z.string().max(20), z.number()])),
      handle: async (ctx, data) => {
        ctx.guard.require('settings.manage');
        const locale = ctx.actor.locale;
        const current = await ctx.services.directory.getSettings(ctx.actor.tenantId);
        const result = applySettingsForm(current, data, Number(businessDate(ctx.now, current.timeZone).slice(0, 4)));
        if (!result.ok) {
          const error =
            result.field === 'caseloadBand'
              ? t(locale, 'settings.caseload_order')
              : result.field === 'companyShareBand'
                ? t(locale, 'settings.company_share_order')
                : result.field === 'kSuppression'
                  ? t(locale, 'settings.k_floor', { floor: result.min ?? 0, max: result.max ?? 0 })
                  : common(locale, 'error.number_range', {
                      field: t(locale, `settings.${result.field}`),
                      min: result.min ?? 0,
                      max: result.max ?? 0,
                    });
          return { card: settingsCard({ locale, settings: current, error, typed: data }) };
        }
        await ctx.guard.run(
          { action: 'settings.manage', kind: 'write', purpose: 'administration', auditAction: 'settings.set' },
          () => ctx.services.directory.saveSettings(ctx.actor.tenantId, result.settings, ctx.actor.userId, ctx.now),
        );
        return { card: settingsCard({ locale, settings: result.settings, notice: t(locale, 'settings.saved') }) };
      },
    }),
    defineAction({
      verb: 'admin.roles.save',
      schema: z
        .object({ userId: z.string().min(1).max(64), inputId: z.string().regex(/^roles\d{1,3}$/) })
        .catchall(z.unknown()),
      handle: async (ctx, data) => {
        ctx.guard.require('roles.manage');
        const locale = ctx.actor.locale;
        const raw = data[data.inputId];
        const ticked = typeof raw === 'string' ? raw : '';
        // A refused save shows the card again with the ticks as the admin left them.
        const refuse = async (error: string) => ({
          card: await currentRolesCard(ctx, { error, typed: { rows: { [data.userId]: ticked } } }),
        });
        if (!isEntraObjectId(data.userId)) return refuse(t(locale, 'roles.invalid_user'));
        const parsed = rolesFrom(ctx, ticked);
        if ('error' in parsed) return refuse(parsed.error);
        const userId = data.userId.toLowerCase();
        const editable = editableRoles({ configuredAdmin: isConfiguredAdmin(ctx.services.config, userId) });
        // Roles the row does not offer (a configured admin's admin role) stay as stored.
        const existing = await ctx.services.directory.getUser(ctx.actor.tenantId, userId);
        const stored = existing?.roles ?? [];
        const next = [
          ...parsed.roles.filter((r) => editable.includes(r)),
          ...stored.filter((r) => !editable.includes(r)),
        ];
        const saved = await setRoles(ctx, userId, next, undefined, { existing });
        if (saved === 'self_admin') return refuse(t(locale, 'roles.self_admin'));
        return {
          card: await currentRolesCard(ctx, {
            notice: t(locale, 'roles.saved', { name: staffName(saved, locale), roles: roleNames(ctx, saved) }),
          }),
        };
      },
    }),
    defineAction({
      verb: 'admin.roles.add',
      schema: z.object({
        newUserId: z.string().trim().max(64).default(''),
        newUserName: z.string().trim().max(100).default(''),
        newRoles: z.string().max(200).default(''),
      }),
      refusedInput: async (ctx) => {
        ctx.guard.require('roles.manage');
        return { card: await currentRolesCard(ctx, { error: common(ctx.actor.locale, 'error.cpr_in_text') }) };
      },
      handle: async (ctx, data) => {
        ctx.guard.require('roles.manage');
        const locale = ctx.actor.locale;
        const refuse = async (error: string) => ({ card: await currentRolesCard(ctx, { error, typed: data }) });
        if (data.newUserId === '') return refuse(t(locale, 'roles.pick_person'));
        if (!isEntraObjectId(data.newUserId)) return refuse(t(locale, 'roles.invalid_user'));
        const parsed = rolesFrom(ctx, data.newRoles);
        if ('error' in parsed) return refuse(parsed.error);
        const saved = await setRoles(ctx, data.newUserId, parsed.roles, data.newUserName || undefined);
        if (saved === 'self_admin') return refuse(t(locale, 'roles.self_admin'));
        return {
          card: await currentRolesCard(ctx, {
            notice: t(locale, 'roles.saved', { name: staffName(saved, locale), roles: roleNames(ctx, saved) }),
          }),
        };
      },
    }),
    defineAction({
      verb: 'admin.roles.take',
      schema: z.object({ role: RoleSchema, command: z.string().trim().max(200).optional() }),
      handle: async (ctx, data) => {
        ctx.guard.require('roles.manage');
        const stored = (await ctx.services.directory.getUser(ctx.actor.tenantId, ctx.actor.userId))?.roles ?? [];
        if (!stored.includes(data.role) && !ctx.actor.roles.includes(data.role)) {
          const saved = await setRoles(ctx, ctx.actor.userId, [...stored, data.role]);
          if (saved === 'self_admin') throw new Error('Taking a role never removes admin');
        }
        return { card: roleTakenCard({ locale: ctx.actor.locale, role: data.role, command: data.command }) };
      },
    }),
  ],
};
