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

/** Names declared in an env file (KEY=value lines, comments ignored). */
function envNames(file: string): string[] {
  return readRepoFile(file)
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=/.exec(line.trim())?.[1])
    .filter((x): x is string => x !== undefined);
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

  it('provisions the Azure resources from infra/, then validates, zips and updates the Teams app', () => {
    const uses = (yml.provision ?? []).map((s) => s.uses);
    expect(uses).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const arm = yml.provision!.find((s) => s.uses === 'arm/deploy')!;
    expect(arm.with?.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
  });

  it('refers only to files that exist', () => {
    const read = [...steps(yml), ...steps(project('teamsapp.local.yml'))].flatMap(pathsRead);
    expect(read).toContain('./appPackage/manifest.json');
    for (const p of read) expect(existsSync(path.join(REPO, p)) ? p : `missing ${p}`).toBe(p);
  });

  it('declares every ${{VAR}} of teamsapp.yml and infra/azure.parameters.json in the env files or an earlier step', () => {
    const written = new Set(steps(yml).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})));
    const fromBicep = new Set(outputs(readRepoFile('infra/azure.bicep')));
    const used = [
      ...placeholders(readRepoFile('teamsapp.yml')),
      ...placeholders(readRepoFile('infra/azure.parameters.json')),
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
    const env = readRepoFile('env/.env.dev');
    const file = JSON.parse(readRepoFile('infra/azure.parameters.json')) as {
      parameters: Record<string, { value: string }>;
    };
    const checked: string[] = [];
    for (const param of params(readRepoFile('infra/azure.bicep')).filter((p) => p.allowed !== undefined)) {
      const variable = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(file.parameters[param.name]?.value ?? '')?.[1];
      if (variable === undefined) continue;
      const value = new RegExp(`^${variable}=(.*)$`, 'm').exec(env)?.[1] ?? '';
      expect(param.allowed).toContain(value);
      checked.push(param.name);
    }
    expect(checked.sort()).toEqual(['botAppType', 'cosmosCapacityMode', 'location']);
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
