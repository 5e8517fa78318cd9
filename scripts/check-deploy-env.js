// First step of `atk provision` (teamsapp.yml): checks the values the Agents Toolkit took from
// env/.env.<env> and env/.env.<env>.user before anything is created in Azure or Teams, and names every
// one still missing or still a placeholder. The Toolkit passes those files to this script as environment
// variables. By hand: `set -a; . env/.env.dev; . env/.env.dev.user; set +a; node scripts/check-deploy-env.js`.
// Plain Node, no dependencies.
'use strict';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const REGIONS = ['swedencentral', 'westeurope', 'northeurope', 'germanywestcentral', 'francecentral'];

const env = process.env;
const envName = env.TEAMSFX_ENV || '<env>';
const settings = `env/.env.${envName}`;
const secrets = `env/.env.${envName}.user`;
const value = (name) => (env[name] || '').trim();
const list = (name) =>
  value(name)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Every problem as "NAME in file: what to put there". */
function problems() {
  const out = [];
  const need = (ok, name, file, what) => {
    if (!ok) out.push(`${name} in ${file}: ${what}${value(name) === '' ? '' : ` (now "${shown(name)}")`}`);
  };
  const shown = (name) => (name.startsWith('SECRET_') ? `${value(name).length} characters` : value(name));

  need(
    list('ALLOWED_TENANT_IDS').length > 0 && list('ALLOWED_TENANT_IDS').every((id) => GUID.test(id)),
    'ALLOWED_TENANT_IDS',
    settings,
    'the Entra tenant id of your municipality, the tenant of the Azure subscription (Entra admin centre > Overview > Tenant ID, or `az account show --query tenantId -o tsv`)',
  );
  need(
    list('ADMIN_AAD_OBJECT_IDS').length > 0 && list('ADMIN_AAD_OBJECT_IDS').every((id) => GUID.test(id)),
    'ADMIN_AAD_OBJECT_IDS',
    settings,
    'the Entra object id of at least one first Fremdrift admin, comma-separated (`az ad user show --id <e-mail> --query id -o tsv`)',
  );
  need(
    EMAIL.test(value('ALERT_EMAIL_ADDRESS')),
    'ALERT_EMAIL_ADDRESS',
    settings,
    'the e-mail address that receives alerts',
  );
  need(REGIONS.includes(value('AZURE_LOCATION')), 'AZURE_LOCATION', settings, `one of ${REGIONS.join(', ')}`);
  need(
    /^[a-z0-9]{1,7}$/.test(value('RESOURCE_SUFFIX')),
    'RESOURCE_SUFFIX',
    settings,
    'the environment in resource names: 1-7 lower-case letters or digits',
  );
  need(['Private', 'Public'].includes(value('NETWORK_ACCESS')), 'NETWORK_ACCESS', settings, 'Private or Public');
  need(
    ['Serverless', 'Provisioned'].includes(value('COSMOS_CAPACITY_MODE')),
    'COSMOS_CAPACITY_MODE',
    settings,
    'Serverless or Provisioned',
  );
  const botAppType = value('BOT_APP_TYPE');
  need(
    ['UserAssignedMSI', 'SingleTenant'].includes(botAppType),
    'BOT_APP_TYPE',
    settings,
    'UserAssignedMSI or SingleTenant',
  );
  if (botAppType === 'SingleTenant') {
    need(GUID.test(value('BOT_APP_ID')), 'BOT_APP_ID', settings, "the client id of the bot's Entra app registration");
    need(
      value('SECRET_BOT_APP_PASSWORD') !== '',
      'SECRET_BOT_APP_PASSWORD',
      secrets,
      "that app registration's client secret",
    );
  }
  for (const name of ['SECRET_CASE_REF_HASH_KEY', 'SECRET_DIGEST_RUN_TOKEN'])
    need(
      value(name).length >= 32,
      name,
      secrets,
      'a random secret of at least 32 characters (see the command in env/.env.dev.user.example)',
    );
  need(
    value('SECRET_ADMIN_API_TOKEN') === 'off' || value('SECRET_ADMIN_API_TOKEN').length >= 32,
    'SECRET_ADMIN_API_TOKEN',
    secrets,
    'off, or a random secret of at least 32 characters to turn on the admin API',
  );
  return out;
}

const found = problems();
if (found.length > 0) {
  process.stderr.write(
    `Fremdrift cannot be provisioned yet. Set these values and run provision again (docs/deploy.md, step 4):\n${found
      .map((p) => `  - ${p}`)
      .join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`Environment "${envName}" is complete.\n`);
