import { allowedInSharedConversation, POLICY, POLICY_ACTIONS } from '../../bot/domain/policy';
import { ROLES } from '../../bot/domain/roles';

/** SECURITY.md's role × action matrix, generated from POLICY (bot/domain/policy.ts). */
export const MATRIX_START =
  '<!-- policy-matrix:start (generated from bot/domain/policy.ts by test/privacy/policy-matrix.test.ts) -->';
export const MATRIX_END = '<!-- policy-matrix:end -->';

export function renderPolicyMatrix(): string {
  const header = `| Action | ${ROLES.join(' | ')} | no role | in group chat / channel |`;
  const rule = `|---|${ROLES.map(() => '---|').join('')}---|---|`;
  const rows = POLICY_ACTIONS.map((action) => {
    const allowed: readonly string[] = POLICY[action];
    const shared = allowedInSharedConversation(action) ? '✓' : '– (1:1 only)';
    return `| \`${action}\` | ${ROLES.map((r) => (allowed.includes(r) ? '✓' : '–')).join(' | ')} | – | ${shared} |`;
  });
  return [MATRIX_START, header, rule, ...rows, MATRIX_END].join('\n');
}

export function matrixSection(markdown: string): string | undefined {
  const start = markdown.indexOf(MATRIX_START);
  const end = markdown.indexOf(MATRIX_END);
  if (start < 0 || end < start) return undefined;
  return markdown.slice(start, end + MATRIX_END.length);
}

/** The table's cells, row by row, ignoring padding and the separator row (Prettier aligns the columns). */
export function tableCells(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    )
    .filter((cells) => !cells.every((c) => /^:?-+:?$/.test(c)));
}
