/**
 * A model of how the Teams renderer in the Agents Playground redraws a card that replaces another
 * (found in its bundle: elements are React-keyed by their `key` property, else `<type>-<index>`
 * among their siblings; a compact Input.ChoiceSet keeps the choices it was first drawn with). It
 * lists the dropdowns of `after` that the renderer would draw with the choices of another dropdown
 * of `before` — what a user would see as the wrong options.
 */
export interface StaleDropdown {
  /** The input of the new card. */
  readonly id: string;
  /** The input of the old card whose choices it would offer. */
  readonly showsChoicesOf: string;
}

interface Slot {
  readonly id: string;
  readonly choices: string;
}

type Node = Record<string, unknown>;

const CHILD_LISTS = ['body', 'items', 'columns', 'rows', 'cells'] as const;

function slots(card: unknown): Map<string, Slot> {
  const found = new Map<string, Slot>();
  const walk = (elements: unknown, path: string): void => {
    if (!Array.isArray(elements)) return;
    elements.forEach((raw, index) => {
      if (raw === null || typeof raw !== 'object') return;
      const el = raw as Node;
      const key = typeof el.key === 'string' ? el.key : `${String(el.type)}-${index}`;
      const here = `${path}/${key}`;
      if (el.type === 'Input.ChoiceSet' && el.style !== 'expanded')
        found.set(here, { id: String(el.id), choices: JSON.stringify(el.choices ?? []) });
      for (const list of CHILD_LISTS) walk(el[list], here);
    });
  };
  walk((card as Node | undefined)?.body, '');
  return found;
}

export function staleDropdowns(before: unknown, after: unknown): StaleDropdown[] {
  const old = slots(before);
  const stale: StaleDropdown[] = [];
  for (const [path, slot] of slots(after)) {
    const previous = old.get(path);
    if (previous !== undefined && previous.choices !== slot.choices)
      stale.push({ id: slot.id, showsChoicesOf: previous.id });
  }
  return stale;
}
