import { QuestionnaireSchema, type Questionnaire } from '../questionnaire-rules';
import standardV1 from './standard-v1.json';
import standardV2 from './standard-v2.json';

/**
 * Every questionnaire version the bot knows. A stored screening names its questionnaire id and
 * version and is always shown and scored with exactly that version, so publishing a new version
 * never changes how an old screening reads. Versions are immutable: registering a different
 * questionnaire under a known id and version is refused.
 */
export class QuestionnaireRegistry {
  private readonly versions = new Map<string, Questionnaire>();
  private readonly frozen = new Map<string, string>();

  constructor(files: readonly unknown[] = []) {
    for (const file of files) this.register(file);
  }

  /** Validates a questionnaire file (throws with the zod issues if it is not valid) and adds it. */
  register(file: unknown): Questionnaire {
    const parsed = QuestionnaireSchema.safeParse(file);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
      throw new Error(`Invalid screening questionnaire: ${issues}`);
    }
    const q = parsed.data;
    const key = `${q.id}@${q.version}`;
    const fingerprint = JSON.stringify(q);
    const known = this.frozen.get(key);
    if (known !== undefined && known !== fingerprint) throw new Error(`Questionnaire ${key} exists and cannot change`);
    this.versions.set(key, q);
    this.frozen.set(key, fingerprint);
    return q;
  }

  get(id: string, version: number): Questionnaire | undefined {
    return this.versions.get(`${id}@${version}`);
  }

  /** The version new screenings use: the highest version of `id`. */
  current(id = 'standard'): Questionnaire {
    const candidates = [...this.versions.values()].filter((q) => q.id === id).sort((a, b) => b.version - a.version);
    const latest = candidates[0];
    if (latest === undefined) throw new Error(`No questionnaire ${id} is registered`);
    return latest;
  }
}

/** The shipped questionnaires, validated when the module loads (a broken file stops the bot at start). */
export const questionnaires = new QuestionnaireRegistry([standardV1, standardV2]);
