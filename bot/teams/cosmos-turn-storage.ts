import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { z } from 'zod';
import { deleteDoc, readDoc, upsertDoc } from '../store/documents';
import { StoreUnavailableError } from '../domain/errors';

const TurnStateDocSchema = z.object({
  id: z.string(),
  key: z.string(),
  state: z.record(z.string(), z.unknown()),
  ttl: z.number(),
});

/** Turn state lives 90 days after its last write; flows keep their real progress in their own documents. */
const TURN_STATE_TTL_SECONDS = 90 * 86400;

/**
 * Durable teams-ai turn state in Cosmos (never process memory), so any instance can take the next
 * turn. Keys are hashed: Teams conversation keys can exceed Cosmos' 255-character id limit.
 */
export class CosmosTurnStorage implements Storage {
  private unavailable = false;
  constructor(private readonly container: Container) {}

  private static id(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  /**
   * Turn state holds no case data, only cursors, so an unreachable store must not fail the turn
   * here: the handler then meets the outage itself and answers "try again" in the user's language.
   */
  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    try {
      await Promise.all(
        keys.map(async (key) => {
          const id = CosmosTurnStorage.id(key);
          const doc = await readDoc(this.container, id, id, TurnStateDocSchema);
          if (doc !== undefined) items[key] = doc.state;
        }),
      );
    } catch (e) {
      if (!(e instanceof StoreUnavailableError)) throw e;
      this.unavailable = true;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (this.unavailable) {
      // Do not overwrite real state with the empty state read during an outage; try again next turn.
      this.unavailable = false;
      return;
    }
    await Promise.all(
      Object.entries(changes).map(([key, state]) => {
        const id = CosmosTurnStorage.id(key);
        return upsertDoc(this.container, {
          id,
          key,
          state: JSON.parse(JSON.stringify(state)) as unknown,
          ttl: TURN_STATE_TTL_SECONDS,
        });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => deleteDoc(this.container, CosmosTurnStorage.id(key), CosmosTurnStorage.id(key))),
    );
  }
}
