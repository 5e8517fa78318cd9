import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layers (domain <- store <- features <- edge) are held by ESLint, not by memory: `npm run lint`
 * fails on an import that goes the wrong way. These fixtures are linted as if they stood at the
 * given paths, with the project's own config.
 */
const ROOT = path.join(__dirname, '..', '..');

interface LintResult {
  readonly messages: readonly { readonly ruleId: string | null; readonly message: string }[];
}

/** ESLint's own CLI (its flat config is an ES module, which jest's VM cannot load), on stdin. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
      { cwd: ROOT, input: code, encoding: 'utf8' },
    );
  } catch (e) {
    // ESLint exits 1 when it found problems; its JSON is on stdout all the same.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  const [result] = JSON.parse(out) as LintResult[];
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules in npm run lint', () => {
  it('refuses bot/domain importing the store, a feature, a card or I/O', async () => {
    const errors = await layerErrors(
      'bot/domain/layer-fixture.ts',
      [
        "import { CaseRepository } from '../store/case-repository';",
        "import { caseloadPage } from '../features/caseload/list-caseload';",
        "import { caseCard } from '../../cards/case/case-card';",
        "import { CosmosClient } from '@azure/cosmos';",
        'export const all = [CaseRepository, caseloadPage, caseCard, CosmosClient];',
      ].join('\n'),
    );
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain('bot/domain is the lowest layer');
  });

  it('refuses bot/store importing a feature, and features reaching into the edge', async () => {
    expect(
      await layerErrors(
        'bot/store/layer-fixture.ts',
        "import { caseloadPage } from '../features/caseload/list-caseload';\nexport const f = caseloadPage;",
      ),
    ).toEqual([expect.stringContaining('bot/store sits below the features')]);
    expect(
      await layerErrors(
        'bot/features/digest/metrics/layer-fixture.ts',
        "import { buildApp } from '../../../teams/app';\nexport const f = buildApp;",
      ),
    ).toEqual([expect.stringContaining('Features do not reach into the edge')]);
  });

  it('refuses cards a store type, the store itself, and any feature module but its pure rules', async () => {
    expect(
      await layerErrors(
        'cards/case/layer-fixture.ts',
        "import type { CaseDoc } from '../../bot/store/case-repository';\nexport type D = CaseDoc;",
      ),
    ).toEqual([expect.stringContaining('never reach the store')]);
    expect(
      await layerErrors(
        'cards/case/layer-fixture.ts',
        "import { CaseRepository } from '../../bot/store/case-repository';\nexport const r = CaseRepository;",
      ),
    ).toEqual([expect.stringContaining('never reach the store')]);
    expect(
      await layerErrors(
        'cards/digest/layer-fixture.ts',
        [
          "import { presentDigest } from '../../bot/features/digest/present';",
          "import type { Share } from '../../bot/features/digest/metrics/types';",
          'export const p = presentDigest;',
          'export type S = Share;',
        ].join('\n'),
      ),
    ).toEqual([
      expect.stringContaining('Cards import only the pure rules of a feature'),
      expect.stringContaining('Cards import only the pure rules of a feature'),
    ]);
    expect(
      await layerErrors(
        'cards/digest/layer-fixture.ts',
        [
          "import type { CaseDoc } from '../../bot/domain/case-doc';",
          "import type { DigestView } from '../../bot/features/digest/view-rules';",
          "import { goalFields } from '../../bot/features/case/rules';",
          'export type D = CaseDoc | DigestView;',
          'export const g = goalFields;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('allows one layer up what it refuses below', async () => {
    expect(
      await layerErrors(
        'bot/features/case/layer-fixture.ts',
        "import { CaseRepository } from '../../store/case-repository';\nexport const r = CaseRepository;",
      ),
    ).toEqual([]);
  });

  it('keeps each SDK in its room: Cosmos DB in bot/store, the bot SDK in bot/teams, restify at the edge', async () => {
    expect(
      await layerErrors(
        'bot/features/digest/layer-fixture.ts',
        [
          "import type { SqlParameter } from '@azure/cosmos';",
          "import type restify from 'restify';",
          "import { TurnContext } from 'botbuilder';",
          "import type { HttpRoute } from '../../http-route';",
          'export type T = SqlParameter | restify.Request | HttpRoute;',
          'export const c = TurnContext;',
        ].join('\n'),
      ),
    ).toEqual([
      expect.stringContaining('Only bot/store talks to Cosmos DB'),
      expect.stringContaining('Only the edge (bot/server.ts, bot/teams) knows the HTTP framework'),
      expect.stringContaining('Only bot/teams imports the bot SDK'),
    ]);
    expect(
      await layerErrors(
        'bot/server.ts',
        "import type { TeamsAdapter } from '@microsoft/teams-ai';\nimport restify from 'restify';\nexport type A = TeamsAdapter;\nexport const r = restify;",
      ),
    ).toEqual([expect.stringContaining('Only bot/teams imports the bot SDK')]);
    expect(
      await layerErrors(
        'bot/teams/layer-fixture.ts',
        "import { CosmosClient } from '@azure/cosmos';\nimport { TurnContext } from 'botbuilder';\nexport const r = [CosmosClient, TurnContext];",
      ),
    ).toEqual([expect.stringContaining('Only bot/store talks to Cosmos DB')]);
    expect(
      await layerErrors(
        'bot/store/layer-fixture.ts',
        "import { CosmosClient } from '@azure/cosmos';\nexport const r = CosmosClient;",
      ),
    ).toEqual([]);
  });

  it('holds every folder: i18n, access and jobs refuse what sits above them', async () => {
    expect(
      await layerErrors(
        'bot/i18n/layer-fixture.ts',
        "import { CaseRepository } from '../store/case-repository';\nexport const r = CaseRepository;",
      ),
    ).toEqual([expect.stringContaining('bot/i18n holds the catalogues')]);
    expect(
      await layerErrors(
        'bot/access/layer-fixture.ts',
        "import { caseloadPage } from '../features/caseload/list-caseload';\nexport const f = caseloadPage;",
      ),
    ).toEqual([expect.stringContaining('bot/access guards the store')]);
    expect(
      await layerErrors(
        'bot/jobs/layer-fixture.ts',
        "import { startFremdrift } from '../app-host';\nexport const f = startFremdrift;",
      ),
    ).toEqual([expect.stringContaining('Features do not reach into the edge')]);
  });
});
