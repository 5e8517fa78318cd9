import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { outputs, params, readRepoFile, REPO } from './bicep-reader';

/**
 * The Agents Toolkit project files must agree with each other: every ${{VAR}} a project file uses
 * is declared in the environment's env file (or written by an earlier step), every path exists,
 * and the deploy step zips what the staging script produces.
 */

interface Step {
  readonly uses: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  readonly version: string;
  readonly environmentFolderPath?: string;
  readonly provision?: Step[];
  readonly deploy?: Step[];
  readonly publish?: Step[];
}

const project = (file: string): ProjectFile => parse(readRepoFile(file)) as ProjectFile;
const placeholders = (text: string): string[] => [...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

/** KEY=value lines of an env file (comments ignored), as the Toolkit reads them. */
function envValues(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readRepoFile(file).split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

/** Names declared in an env file. */
const envNames = (file: string): string[] => Object.keys(envValues(file));

/** Every Azure environment shipped: its settings file and the secrets example next to it. */
const AZURE_ENVS = [{ settings: 'env/.env.dev', secrets: 'env/.env.dev.user.example' }];

/** The parameters file teamsapp.yml gives arm/deploy for an environment (the path follows BOT_APP_TYPE). */
function parametersFileFor(env: Record<string, string>): string {
  const yml = project('teamsapp.yml');
  const arm = (yml.provision ?? []).find((s) => s.uses === 'arm/deploy')!;
  const template = (arm.with?.templates as { parameters: string }[])[0]!;
  return template.parameters.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name: string) => env[name] ?? '');
}

const steps = (p: ProjectFile): Step[] => [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];

/** Paths a step reads from the repository (not the ones it writes). */
function pathsRead(step: Step): string[] {
  const w = step.with ?? {};
  const templates = (w.templates as { path: string; parameters: string }[] | undefined) ?? [];
  return [
    ...templates.flatMap((t) => [t.path, t.parameters]),
    ...(typeof w.manifestPath === 'string' ? [w.manifestPath] : []),
  ];
}

describe('teamsapp.yml (Azure environments)', () => {
  const yml = project('teamsapp.yml');
  const envFolder = yml.environmentFolderPath ?? '';
  const declared = new Set([...envNames('env/.env.dev'), ...envNames('env/.env.dev.user.example')]);

  it('uses ./env for its environments, with a committed env/.env.dev and a secrets example', () => {
    expect(envFolder).toBe('./env');
    expect(existsSync(path.join(REPO, 'env/.env.dev'))).toBe(true);
    expect(existsSync(path.join(REPO, 'env/.env.dev.user.example'))).toBe(true);
    // Secrets are only ever read from the git-ignored *.user file.
    expect(readRepoFile('.gitignore')).toContain('env/.env.*.user');
    for (const name of envNames('env/.env.dev')) expect(name.startsWith('SECRET_')).toBe(false);
    for (const name of envNames('env/.env.dev.user.example')) expect(name.startsWith('SECRET_')).toBe(true);
  });

  it('checks the environment first, provisions the Azure resources from infra/, then validates, zips and updates the Teams app', () => {
    const uses = (yml.provision ?? []).map((s) => s.uses);
    expect(uses).toEqual([
      'script',
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(yml.provision![0]!.with?.run).toBe('node scripts/check-deploy-env.js');
    const arm = yml.provision!.find((s) => s.uses === 'arm/deploy')!;
    expect(arm.with?.templates).toEqual([
      expect.objectContaining({
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.${{BOT_APP_TYPE}}.json',
      }),
    ]);
  });

  it('refers only to files that exist, for every bot registration type', () => {
    const botAppTypes = params(readRepoFile('infra/azure.bicep')).find((p) => p.name === 'botAppType')!.allowed!;
    const read = [
      ...[...steps(yml), ...steps(project('teamsapp.local.yml'))].flatMap(pathsRead).filter((p) => !p.includes('${{')),
      ...botAppTypes.map((t) => parametersFileFor({ BOT_APP_TYPE: t })),
    ];
    expect(read).toContain('./appPackage/manifest.json');
    expect(read).toContain('./infra/azure.parameters.SingleTenant.json');
    for (const p of read) expect(existsSync(path.join(REPO, p)) ? p : `missing ${p}`).toBe(p);
  });

  it('declares every ${{VAR}} of teamsapp.yml and the parameters files in the env files or an earlier step', () => {
    const written = new Set(steps(yml).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})));
    const fromBicep = new Set(outputs(readRepoFile('infra/azure.bicep')));
    const used = [
      ...placeholders(readRepoFile('teamsapp.yml')),
      ...placeholders(readRepoFile('infra/azure.parameters.UserAssignedMSI.json')),
    ];
    expect(used.length).toBeGreaterThan(0);
    for (const name of used)
      expect(declared.has(name) || written.has(name) || fromBicep.has(name) ? name : `undeclared ${name}`).toBe(name);
  });

  it('lists every value provision writes in env/.env.dev, so an operator sees what will appear there', () => {
    const written = [
      ...steps(yml).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
      ...outputs(readRepoFile('infra/azure.bicep')),
    ];
    for (const name of written) expect(envNames('env/.env.dev')).toContain(name);
  });

  it('deploys by building, staging production dependencies and zip-deploying the staged folder to the App Service', () => {
    const deploy = yml.deploy ?? [];
    const npmArgs = deploy.filter((s) => s.uses === 'cli/runNpmCommand').map((s) => String(s.with?.args));
    expect(npmArgs).toEqual(['ci --no-audit --no-fund', 'run build', 'run stage:deploy']);
    const scripts = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBeDefined();
    expect(scripts['stage:deploy']).toBe('node scripts/stage-deploy.js');
    const zip = deploy.find((s) => s.uses === 'azureAppService/zipDeploy')!;
    expect(zip.with?.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
    // The staging script writes exactly the folder that is zipped, and installs with --omit=dev.
    const stage = readRepoFile('scripts/stage-deploy.js');
    expect(path.normalize(String(zip.with?.artifactFolder))).toBe(path.normalize('build/deploy'));
    expect(stage).toContain("path.join(root, 'build', 'deploy')");
    expect(stage).toContain("'--omit=dev'");
  });

  it('gives every template parameter with a fixed set of values an allowed value in env/.env.dev', () => {
    const env = envValues('env/.env.dev');
    const file = JSON.parse(readRepoFile(parametersFileFor(env))) as {
      parameters: Record<string, { value: string }>;
    };
    const checked: string[] = [];
    for (const param of params(readRepoFile('infra/azure.bicep')).filter((p) => p.allowed !== undefined)) {
      const variable = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(file.parameters[param.name]?.value ?? '')?.[1];
      if (variable === undefined) continue;
      expect(param.allowed).toContain(env[variable]);
      checked.push(param.name);
    }
    expect(checked.sort()).toEqual(['botAppType', 'cosmosCapacityMode', 'location', 'networkAccess']);
    expect(env.NETWORK_ACCESS).toBe('Private');
  });

  it('names the deployment after the environment, so environments in one resource group keep their own', () => {
    const arm = yml.provision!.find((s) => s.uses === 'arm/deploy')!;
    const template = (arm.with?.templates as { deploymentName: string }[])[0]!;
    expect(template.deploymentName).toBe('fremdrift${{RESOURCE_SUFFIX}}-resources');
    // The same base name the template's resources get.
    const file = JSON.parse(readRepoFile('infra/azure.parameters.UserAssignedMSI.json')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(file.parameters.resourceBaseName?.value).toBe('fremdrift${{RESOURCE_SUFFIX}}');
  });

  it('pins a Bicep CLI that knows the resource API versions of the templates (not the v0.30 of 2024)', () => {
    const arm = yml.provision!.find((s) => s.uses === 'arm/deploy')!;
    const [major, minor] = /^v(\d+)\.(\d+)\.\d+$/.exec(String(arm.with?.bicepCliVersion))!.slice(1).map(Number);
    expect(major! * 1000 + minor!).toBeGreaterThanOrEqual(39);
  });

  it('deploys with an Entra token only: the Toolkit may not fall back to basic-auth publishing', () => {
    for (const { settings } of AZURE_ENVS) expect(envValues(settings).TEAMSFX_AAD_DEPLOY_ONLY).toBe('true');
    expect((yml.deploy ?? []).map((s) => s.uses)).toContain('azureAppService/zipDeploy');
  });
});

/*
 * Issue 18, item 1: the Toolkit fills a ${{VAR}} only when its value is non-empty and then refuses the
 * template (MissingEnvironmentVariablesError); older builds pass the literal text on. So no template
 * may reference a value that may legitimately be empty, every referenced value has a non-empty entry
 * in every shipped env file, and a value still at its shipped placeholder is refused before anything
 * is created.
 */
describe('placeholders of the Azure templates (issue 18, item 1)', () => {
  const yml = project('teamsapp.yml');

  it.each(AZURE_ENVS)('has a non-empty value in $settings for every placeholder the templates reference', (files) => {
    const env = { ...envValues(files.settings), ...envValues(files.secrets) };
    const used = [
      ...placeholders(readRepoFile(parametersFileFor(env))),
      ...(yml.provision ?? []).flatMap((s) => placeholders(JSON.stringify(s.with ?? {}))),
    ];
    // Toolkit-prompted (subscription, resource group) or written by an earlier provision step.
    const prompted = new Set(['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
    const written = new Set([
      ...(yml.provision ?? []).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
      'TEAMSFX_ENV',
    ]);
    const checked = used.filter((name) => !prompted.has(name) && !written.has(name));
    expect(checked).toEqual(
      expect.arrayContaining(['ALLOWED_TENANT_IDS', 'ADMIN_AAD_OBJECT_IDS', 'SECRET_CASE_REF_HASH_KEY']),
    );
    for (const name of checked) expect(env[name] ? name : `empty ${name}`).toBe(name);
    expect(envValues(files.settings).TEAMSFX_ENV).toBeTruthy();
  });

  it('references the SingleTenant-only values only from the SingleTenant parameters file', () => {
    const msi = placeholders(readRepoFile('infra/azure.parameters.UserAssignedMSI.json'));
    const single = placeholders(readRepoFile('infra/azure.parameters.SingleTenant.json'));
    expect(msi).not.toContain('BOT_APP_ID');
    expect(msi).not.toContain('SECRET_BOT_APP_PASSWORD');
    expect(single).toEqual(expect.arrayContaining(['BOT_APP_ID', 'SECRET_BOT_APP_PASSWORD']));
    expect(single.filter((n) => !msi.includes(n)).sort()).toEqual(['BOT_APP_ID', 'SECRET_BOT_APP_PASSWORD']);
  });

  it('has the template refuse each shipped placeholder value, and the literal ${{VAR}} an older Toolkit would pass', () => {
    const bicepParams = params(readRepoFile('infra/azure.bicep'));
    const env = { ...envValues('env/.env.dev'), ...envValues('env/.env.dev.user.example') };
    const file = JSON.parse(readRepoFile('infra/azure.parameters.UserAssignedMSI.json')) as {
      parameters: Record<string, { value: string }>;
    };
    const refused = (name: string, value: string): boolean => {
      const p = bicepParams.find((x) => x.name === name)!;
      const min = Number(/@minLength\((\d+)\)/.exec(p.decorators.join(' '))?.[1] ?? 0);
      const max = Number(/@maxLength\((\d+)\)/.exec(p.decorators.join(' '))?.[1] ?? Infinity);
      return value.length < min || value.length > max || (p.allowed !== undefined && !p.allowed.includes(value));
    };
    for (const name of ['allowedTenantIds', 'adminAadObjectIds', 'caseRefHashKey', 'digestRunToken']) {
      const raw = file.parameters[name]!.value;
      const variable = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(raw)![1]!;
      expect([name, refused(name, env[variable]!)]).toEqual([name, true]);
      expect([name, refused(name, raw)]).toEqual([name, true]);
    }
    // resourceBaseName = "fremdrift" + a literal placeholder is longer than a base name may be.
    expect(refused('resourceBaseName', file.parameters.resourceBaseName!.value)).toBe(true);
  });
});

/** Runs scripts/check-deploy-env.js the way the Toolkit does: the env files' values as environment variables. */
function checkEnv(env: Record<string, string>): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'check-deploy-env.js')], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr };
}

describe('the first provision step refuses an environment that is not filled in (issue 18, item 1)', () => {
  const shipped = { ...envValues('env/.env.dev'), ...envValues('env/.env.dev.user.example') };
  const filled = {
    ...shipped,
    ALLOWED_TENANT_IDS: '11111111-1111-4111-8111-111111111111',
    ADMIN_AAD_OBJECT_IDS: '22222222-2222-4222-8222-222222222222,33333333-3333-4333-8333-333333333333',
    ALERT_EMAIL_ADDRESS: 'it-drift@kommune.dk',
    SECRET_CASE_REF_HASH_KEY: 'k'.repeat(48),
    SECRET_DIGEST_RUN_TOKEN: 't'.repeat(48),
  };

  it('names every value still at its shipped placeholder, with the file to put it in', () => {
    const { status, stderr } = checkEnv(shipped);
    expect(status).toBe(1);
    for (const [name, file] of [
      ['ALLOWED_TENANT_IDS', 'env/.env.dev'],
      ['ADMIN_AAD_OBJECT_IDS', 'env/.env.dev'],
      ['ALERT_EMAIL_ADDRESS', 'env/.env.dev'],
      ['SECRET_CASE_REF_HASH_KEY', 'env/.env.dev.user'],
      ['SECRET_DIGEST_RUN_TOKEN', 'env/.env.dev.user'],
    ])
      expect(stderr).toContain(`${name} in ${file}:`);
    // A secret's value is never echoed, only its length.
    expect(stderr).not.toContain('GENERATE-A-RANDOM-SECRET');
  });

  it('refuses the same values when an older Toolkit passes them empty', () => {
    const { status, stderr } = checkEnv({ ...filled, ALLOWED_TENANT_IDS: '', ADMIN_AAD_OBJECT_IDS: '' });
    expect(status).toBe(1);
    expect(stderr).toContain('ALLOWED_TENANT_IDS in env/.env.dev:');
    expect(stderr).toContain('ADMIN_AAD_OBJECT_IDS in env/.env.dev:');
    expect(stderr).not.toContain('ALERT_EMAIL_ADDRESS');
  });

  it('passes a filled-in environment, and asks for the app registration only for a SingleTenant bot', () => {
    expect(checkEnv(filled)).toEqual({ status: 0, stderr: '' });
    const single = checkEnv({ ...filled, BOT_APP_TYPE: 'SingleTenant' });
    expect(single.status).toBe(1);
    expect(single.stderr).toContain('BOT_APP_ID in env/.env.dev:');
    expect(single.stderr).toContain('SECRET_BOT_APP_PASSWORD in env/.env.dev.user:');
    expect(
      checkEnv({
        ...filled,
        BOT_APP_TYPE: 'SingleTenant',
        BOT_APP_ID: '44444444-4444-4444-8444-444444444444',
        SECRET_BOT_APP_PASSWORD: 'client-secret',
      }).status,
    ).toBe(0);
  });

  it('accepts the admin API token as off or as a secret of 32 characters, nothing in between', () => {
    expect(checkEnv({ ...filled, SECRET_ADMIN_API_TOKEN: 'off' }).status).toBe(0);
    expect(checkEnv({ ...filled, SECRET_ADMIN_API_TOKEN: 'a'.repeat(32) }).status).toBe(0);
    expect(checkEnv({ ...filled, SECRET_ADMIN_API_TOKEN: 'short' }).stderr).toContain('SECRET_ADMIN_API_TOKEN');
  });
});

describe('appPackage/manifest.json and the Toolkit project', () => {
  const yml = project('teamsapp.yml');
  const manifestText = readRepoFile('appPackage/manifest.json');
  const manifest = JSON.parse(manifestText) as {
    id: string;
    icons: { color: string; outline: string };
    localizationInfo?: { additionalLanguages?: { file: string }[] };
    bots: { botId: string }[];
    validDomains?: string[];
  };

  it('takes its app id and bot id from the placeholders that provision fills', () => {
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots.map((b) => b.botId)).toEqual(['${{BOT_ID}}']);
    expect(manifest.validDomains).toContain('${{BOT_DOMAIN}}');
  });

  it('has every placeholder written by a provision step that runs before the package is zipped', () => {
    const provision = yml.provision ?? [];
    const zipAt = provision.findIndex((s) => s.uses === 'teamsApp/zipAppPackage');
    const armAt = provision.findIndex((s) => s.uses === 'arm/deploy');
    const writtenBefore = new Set([
      ...provision.slice(0, zipAt).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
      ...(armAt >= 0 && armAt < zipAt ? outputs(readRepoFile('infra/azure.bicep')) : []),
    ]);
    const used = placeholders(manifestText);
    expect(used.sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    for (const name of used) expect(writtenBefore.has(name) ? name : `not written before zipping: ${name}`).toBe(name);
  });

  it('fills BOT_DOMAIN with the host the Azure Bot sends activities to', () => {
    const bicep = readRepoFile('infra/azure.bicep');
    expect(bicep).toMatch(/^output BOT_DOMAIN string = webApp\.properties\.defaultHostName$/m);
    expect(bicep).toContain("botEndpoint: 'https://${webApp.properties.defaultHostName}/api/messages'");
  });

  it('ships the icons and localization files it names', () => {
    const files = [
      manifest.icons.color,
      manifest.icons.outline,
      ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
    ];
    for (const file of files)
      expect(existsSync(path.join(REPO, 'appPackage', file)) ? file : `missing ${file}`).toBe(file);
  });

  it('declares the placeholders in env/.env.local too, which `npm run package` reads by default', () => {
    expect(readRepoFile('scripts/package-app.js')).toContain("path.join('env', '.env.local')");
    for (const name of placeholders(manifestText)) expect(envNames('env/.env.local')).toContain(name);
  });
});

describe('teamsapp.local.yml (Agents Playground)', () => {
  const local = project('teamsapp.local.yml');

  it('needs no Azure, Entra app or bot registration: it only installs and builds', () => {
    expect(local.provision ?? []).toEqual([]);
    expect((local.deploy ?? []).map((s) => s.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand']);
    expect(readRepoFile('teamsapp.local.yml')).not.toMatch(/arm\/deploy|botAadApp|aadApp\/create|botFramework\/create/);
  });

  it('uses only variables of env/.env.local, and `npm start` brings up the Playground', () => {
    const declared = new Set(envNames('env/.env.local'));
    for (const name of placeholders(readRepoFile('teamsapp.local.yml'))) expect(declared).toContain(name);
    expect(envNames('env/.env.local')).toContain('TEAMSFX_ENV');
    const scripts = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/playground/);
    expect(
      (JSON.parse(readRepoFile('package.json')) as { devDependencies: Record<string, string> }).devDependencies,
    ).toHaveProperty('@microsoft/m365agentsplayground');
  });
});
