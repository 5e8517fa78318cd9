import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { stripSystemFields } from './documents';
import type { ContainerName } from './containers';

/**
 * Keeps the embedded store's data across restarts: every item of every container is written to one
 * JSON file (atomically: temp file, then rename) on shutdown and periodically, and loaded at start.
 */
const SnapshotSchema = z.object({
  format: z.literal('fremdrift-cosmos-snapshot'),
  version: z.literal(1),
  writtenAt: z.string(),
  containers: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export const snapshotFile = (dataDir: string): string => path.join(dataDir, 'cosmos-snapshot.json');

export async function writeSnapshot(
  dataDir: string,
  containers: Readonly<Record<ContainerName, Container>>,
): Promise<number> {
  const out: Record<string, Record<string, unknown>[]> = {};
  let count = 0;
  for (const [name, container] of Object.entries(containers)) {
    const items: Record<string, unknown>[] = [];
    const iterator = container.items.query<Record<string, unknown>>('SELECT * FROM c', { maxItemCount: 1000 });
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      for (const r of resources) items.push(stripSystemFields(r));
    }
    out[name] = items;
    count += items.length;
  }
  await fs.mkdir(dataDir, { recursive: true });
  const file = snapshotFile(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(
    tmp,
    JSON.stringify({
      format: 'fremdrift-cosmos-snapshot',
      version: 1,
      writtenAt: new Date().toISOString(),
      containers: out,
    }),
  );
  await fs.rename(tmp, file);
  return count;
}

/** Loads a snapshot if one exists; returns the number of items restored. */
export async function loadSnapshot(
  dataDir: string,
  containers: Readonly<Record<ContainerName, Container>>,
): Promise<number> {
  let text: string;
  try {
    text = await fs.readFile(snapshotFile(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  const snapshot = SnapshotSchema.parse(JSON.parse(text));
  let count = 0;
  for (const [name, items] of Object.entries(snapshot.containers)) {
    const container = (containers as Record<string, Container | undefined>)[name];
    if (container === undefined) continue;
    // Bounded parallelism: fast on large snapshots without flooding the in-process server.
    for (let i = 0; i < items.length; i += 32) {
      await Promise.all(items.slice(i, i + 32).map((item) => container.items.upsert(item)));
    }
    count += items.length;
  }
  return count;
}
