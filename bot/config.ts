import { z } from 'zod';

/**
 * The one place that reads the environment. A bad or missing value stops start-up with a message that
 * names the variable and what is expected (see `.env.example` and the README's configuration table).
 */

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const guidList = csv.refine((ids) => ids.every((id) => guid.test(id)), {
  message: 'expected a comma-separated list of GUIDs',
});
/**
 * App Service's convention for Entra-authenticated Application Insights ingestion:
 * `Authorization=AAD;ClientId=<client id of a user-assigned identity>` (ClientId absent = system-assigned).
 */
const aadAuthenticationString = z.string().transform((s, ctx) => {
  const pairs = new Map(
    s.split(';').map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      return [key.trim().toLowerCase(), value.trim()] as const;
    }),
  );
  const clientId = pairs.get('clientid');
  const ok =
    pairs.get('authorization') === 'AAD' &&
    [...pairs.keys()].every((k) => k === 'authorization' || k === 'clientid') &&
    (clientId === undefined || guid.test(clientId));
  if (!ok) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected Authorization=AAD;ClientId=<client id of the managed identity>',
    });
    return z.NEVER;
  }
  return { clientId };
});
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

export const EnvSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'], { message: 'expected development, test or production' })
      .default('development'),
    PORT: z.coerce
      .number({ message: 'expected a port number' })
      .int()
      .min(0, 'expected 0-65535')
      .max(65535, 'expected 0-65535')
      .default(3978),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1, 'expected a folder path').default('./.data'),
    COSMOS_ENDPOINT: optionalText.pipe(
      z.url({ message: 'expected an https URL of an Azure Cosmos DB account' }).optional(),
    ),
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9-_]{1,64}$/, 'expected 1-64 letters, digits, - or _')
      .default('fremdrift'),
    COSMOS_MANAGED_IDENTITY_CLIENT_ID: optionalText,
    MICROSOFT_APP_ID: optionalText.pipe(z.string().regex(guid, 'expected the bot app id (a GUID)').optional()),
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TYPE: z
      .enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant'], {
        message: 'expected SingleTenant, UserAssignedMSI or MultiTenant',
      })
      .default('SingleTenant'),
    MICROSOFT_APP_TENANT_ID: optionalText.pipe(
      z.string().regex(guid, 'expected the Entra tenant id (a GUID)').optional(),
    ),
    ADMIN_AAD_OBJECT_IDS: guidList,
    ALLOWED_TENANT_IDS: csv,
    DIGEST_RUN_TOKEN: optionalText.pipe(z.string().min(32, 'expected a secret of at least 32 characters').optional()),
    ADMIN_API_TOKEN: optionalText.pipe(z.string().min(32, 'expected a secret of at least 32 characters').optional()),
    CASE_REF_HASH_KEY: optionalText.pipe(z.string().min(32, 'expected a secret of at least 32 characters').optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: optionalText.pipe(aadAuthenticationString.optional()),
    SNAPSHOT_INTERVAL_SECONDS: z.coerce
      .number({ message: 'expected a number of seconds' })
      .int()
      .min(0)
      .max(86400)
      .default(60),
    SETTINGS_CACHE_SECONDS: z.coerce
      .number({ message: 'expected a number of seconds' })
      .int()
      .min(0)
      .max(60)
      .default(10),
    DEFAULT_LANGUAGE: z.enum(['teams', 'da', 'en'], { message: 'expected teams, da or en' }).default('teams'),
    PROACTIVE_RETRY_BASE_MS: z.coerce
      .number({ message: 'expected a number of milliseconds' })
      .int()
      .min(0, 'expected 0-60000')
      .max(60_000, 'expected 0-60000')
      .default(1000),
    SCHEDULER_ENABLED: z
      .enum(['true', 'false'], { message: 'expected true or false' })
      .default('true')
      .transform((v) => v === 'true'),
    /**
     * How a file (a PDF copy, a case export) reaches the user in the 1:1 chat: Teams' file consent card
     * (`consent`), or a single-use download link served by the bot (`link`, for the Agents Playground,
     * which cannot complete a consent upload). Default: consent with a bot app id, link without.
     */
    FILE_DELIVERY: optionalText.pipe(z.enum(['consent', 'link'], { message: 'expected consent or link' }).optional()),
    /** The bot's public address, for download links (https in production). Default: where it listens. */
    PUBLIC_BASE_URL: optionalText.pipe(z.url({ message: 'expected a URL' }).optional()),
  })
  .superRefine((env, ctx) => {
    const need = (key: keyof typeof env, why: string): void => {
      if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required ${why}` });
    };
    if (env.MICROSOFT_APP_ID !== undefined) {
      if (env.MICROSOFT_APP_TYPE === 'SingleTenant')
        need('MICROSOFT_APP_TENANT_ID', 'when MICROSOFT_APP_TYPE is SingleTenant');
      if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI')
        need(
          'MICROSOFT_APP_PASSWORD',
          `when MICROSOFT_APP_ID is set and MICROSOFT_APP_TYPE is ${env.MICROSOFT_APP_TYPE}`,
        );
    }
    if (env.NODE_ENV === 'production') {
      need('COSMOS_ENDPOINT', 'in production (the embedded store is for local use only)');
      need('MICROSOFT_APP_ID', 'in production (inbound Bot Framework tokens must be validated)');
      need('DIGEST_RUN_TOKEN', 'in production (protects POST /api/digests/run)');
      need('CASE_REF_HASH_KEY', 'in production (key behind hashed case refs in logs)');
      if (env.FILE_DELIVERY === 'link' && !(env.PUBLIC_BASE_URL ?? '').startsWith('https://'))
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_BASE_URL'],
          message: 'required as an https:// address in production when FILE_DELIVERY is link',
        });
      if (env.ALLOWED_TENANT_IDS.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['ALLOWED_TENANT_IDS'],
          message: 'required in production (the Entra tenants to serve)',
        });
      }
    }
  });

export type Config = z.output<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * App Service leaves a Key Vault reference as literal text when it cannot resolve it (identity
 * without access, wrong secret name). Such a value would pass as a 32+ character secret, so it is
 * refused by name here.
 */
function unresolvedKeyVaultReferences(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(EnvSchema.shape)
    .filter((name) => env[name]?.trim().startsWith('@Microsoft.KeyVault(') === true)
    .map(
      (name) =>
        `${name}: a Key Vault reference App Service could not resolve (give the app's identity the Key Vault Secrets User role and check the secret name; see docs/deploy.md)`,
    );
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const unresolved = unresolvedKeyVaultReferences(env);
  if (unresolved.length > 0) throw new ConfigError(unresolved);
  const parsed = EnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const raw = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    const shown = raw === undefined || /KEY|PASSWORD|TOKEN|SECRET|CONNECTION/i.test(name) ? '' : ` (got "${raw}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

/** True when the app runs against its embedded local Cosmos DB server. */
export const usesEmbeddedCosmos = (config: Config): boolean => config.COSMOS_ENDPOINT === undefined;

/** True for a user named in ADMIN_AAD_OBJECT_IDS: an admin by configuration, whatever the directory says. */
export const isConfiguredAdmin = (config: Pick<Config, 'ADMIN_AAD_OBJECT_IDS'>, userId: string): boolean =>
  config.ADMIN_AAD_OBJECT_IDS.some((id) => id.toLowerCase() === userId.toLowerCase());

/**
 * The demo municipality ("Prøv med et demo-jobcenter") is offered only on a local trial: the embedded
 * store, never production. It writes synthetic citizens, so a real store must never get it.
 */
export const offersDemo = (config: Pick<Config, 'COSMOS_ENDPOINT' | 'NODE_ENV'>): boolean =>
  config.COSMOS_ENDPOINT === undefined && config.NODE_ENV !== 'production';
