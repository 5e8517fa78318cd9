import { z } from 'zod';
import { adminText as t } from '../../i18n/admin';
import { common } from '../../i18n/common';
import { rolesCard } from '../../../cards/admin/roles-card';
import { settingsCard } from '../../../cards/admin/settings-card';
import { applySettingsForm } from './settings-form';
import { businessDate } from '../../domain/calendar';
import type { AdaptiveCard } from '../../../cards/types';
import { cardReply, defineAction, textReply, type Feature, type HandlerContext } from '../feature';
import { isEntraObjectId, parseRoles, setRoles } from './set-roles';
import { isRole, type Role } from '../../domain/roles';

async function currentRolesCard(
  ctx: HandlerContext,
  extra: { notice?: string; error?: string } = {},
): Promise<AdaptiveCard> {
  const staff = await ctx.services.directory.listUsers(ctx.actor.tenantId);
  return rolesCard({ locale: ctx.actor.locale, staff, ...extra });
}

const roleNames = (ctx: HandlerContext, roles: readonly Role[]): string =>
  roles.length === 0
    ? t(ctx.actor.locale, 'roles.none')
    : roles.map((r) => common(ctx.actor.locale, `role.${r}`)).join(', ');

/** Grant/revoke by text: "giv rolle screener til <id>", "fjern rolle leder fra <id>" (and English). */
const GRANT = /^(?:giv rolle|tildel rolle|grant role|grant) (\w+) (?:til|to) ([0-9a-f-]{36})$/;
const REVOKE = /^(?:fjern rolle|revoke role|revoke) (\w+) (?:fra|from) ([0-9a-f-]{36})$/;

export const adminFeature: Feature = {
  name: 'admin',
  commands: [
    {
      id: 'roles',
      patterns: [/^(roller|roles)$/],
      permission: 'roles.manage',
      help: { da: t('da', 'roles.cmd.help'), en: t('en', 'roles.cmd.help'), example: { da: 'roller', en: 'roles' } },
      quickAction: { da: t('da', 'roles.quick'), en: t('en', 'roles.quick') },
      handle: async (ctx) => [cardReply(await currentRolesCard(ctx))],
    },
    {
      id: 'roles.grant',
      patterns: [GRANT, REVOKE],
      permission: 'roles.manage',
      help: {
        da: t('da', 'roles.cmd.grant'),
        en: t('en', 'roles.cmd.grant'),
        example: { da: 'giv rolle screener til ENTRA-ID', en: 'grant role screener to ENTRA-ID' },
      },
      handle: async (ctx, { match }) => {
        const [, roleName = '', userId = ''] = match;
        if (!isRole(roleName)) return [textReply(common(ctx.actor.locale, 'error.invalid_choice', { field: 'rolle' }))];
        if (!isEntraObjectId(userId)) return [textReply(t(ctx.actor.locale, 'roles.invalid_user'))];
        const existing = await ctx.services.directory.getUser(ctx.actor.tenantId, userId.toLowerCase());
        const current = existing?.roles ?? [];
        const next = GRANT.test(match[0]) ? [...current, roleName] : current.filter((r) => r !== roleName);
        const saved = await setRoles(ctx, userId, next);
        if (saved === 'self_admin') return [textReply(t(ctx.actor.locale, 'roles.self_admin'))];
        return [
          textReply(
            t(ctx.actor.locale, 'roles.granted', { name: saved.displayName, roles: roleNames(ctx, saved.roles) }),
          ),
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
        const raw = data[data.inputId];
        const roles = parseRoles(typeof raw === 'string' ? raw : '');
        const saved = await setRoles(ctx, data.userId, roles);
        if (saved === 'self_admin')
          return { card: await currentRolesCard(ctx, { error: t(ctx.actor.locale, 'roles.self_admin') }) };
        return {
          card: await currentRolesCard(ctx, {
            notice: t(ctx.actor.locale, 'roles.saved', { name: saved.displayName, roles: roleNames(ctx, saved.roles) }),
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
        if (!isEntraObjectId(data.newUserId))
          return { card: await currentRolesCard(ctx, { error: t(ctx.actor.locale, 'roles.invalid_user') }) };
        const roles = parseRoles(data.newRoles);
        const saved = await setRoles(ctx, data.newUserId, roles, data.newUserName || undefined);
        if (saved === 'self_admin')
          return { card: await currentRolesCard(ctx, { error: t(ctx.actor.locale, 'roles.self_admin') }) };
        return {
          card: await currentRolesCard(ctx, {
            notice: t(ctx.actor.locale, 'roles.saved', { name: saved.displayName, roles: roleNames(ctx, saved.roles) }),
          }),
        };
      },
    }),
  ],
};
