/**
 * An index by partition key for the embedded Cosmos server (local only; loaded with it).
 *
 * @vercel/cosmosdb-server evaluates every query over a copy of the whole container, so a query for
 * one case or one tenant costs as much as the container is large. Azure Cosmos DB routes a query
 * whose WHERE fixes the partition key to that one partition; this gives the embedded server the
 * same: each container keeps the ids (`_rid`) of its documents per partition key value, and a query
 * whose WHERE clause is a conjunction with `<alias>.<partition key> = @param` at its top level is
 * evaluated over that partition's documents only. The result is the same (every other document
 * fails that conjunct), in the same order and with the same continuation tokens (the server's query
 * engine orders by ORDER BY values, then `_rid`, and its tokens name those, not positions).
 * Anything else (OR at the top, a literal, JOIN, a nested key path) goes to the server's full scan.
 *
 * The full scan itself was quadratic: the query engine (@zeit/cosmosdb-query, compiled to JS)
 * gathers the container's rows with `reduce((rows, c) => [...rows, { c }], [])`, copying the list
 * once per document (20,000 documents: 200 million copies per page). `linearScan` rewrites that
 * one expression of the compiled query into the same rows built in one pass.
 *
 * Every result then went through the engine's `stripUndefined`, a deep copy of each document that
 * builds every array with the same quadratic `[...list, item]` (a page of 5,000 case facts: 12 % of
 * the digest's time, and most of its garbage). `keepDefined` gives the same JSON in one pass and
 * copies nothing when there is nothing to drop, which is every stored document (they arrive as JSON).
 */

type Row = Record<string, unknown>;

interface Stored {
  read(): Row | undefined;
}

interface QueryAst {
  readonly body?: {
    readonly type?: string;
    readonly from?: {
      readonly source?: { readonly expression?: { readonly expression?: AstNode }; readonly alias?: AstNode | null };
      readonly joins?: readonly unknown[];
    };
    readonly where?: { readonly condition?: AstNode } | null;
  };
}

interface AstNode {
  readonly type: string;
  readonly name?: string;
  readonly operator?: string;
  readonly left?: AstNode;
  readonly right?: AstNode;
  readonly object?: AstNode;
  readonly property?: AstNode;
  readonly computed?: boolean;
}

interface CompiledQuery {
  readonly ast: QueryAst;
  readonly code: string;
  _code: string | null;
  exec(data: Row[], options: Row): unknown;
}

/** The members of Items (the server's container of documents) this index works with. */
interface ItemsInternals {
  _data: Map<string, Stored>;
  _parent: { read(): Row | undefined; userDefinedFunctions?: { functions: unknown } };
  _getPartition(data: Row): unknown;
  _getPartitionKeyPath(): string[];
  _getQuery(sql: string): CompiledQuery;
  _item(keyPath: string, value: string, partition: unknown): Stored;
  _userDefinedFunctions(): unknown;
}

interface Parameter {
  readonly name: string;
  readonly value: unknown;
}

const partitions = new WeakMap<object, Map<string, Set<string>>>();

const keyOf = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

function partitionsOf(items: object): Map<string, Set<string>> {
  let map = partitions.get(items);
  if (map === undefined) {
    map = new Map();
    partitions.set(items, map);
  }
  return map;
}

/** The top-level AND-ed conditions of a WHERE clause. */
function conjuncts(node: AstNode | undefined, out: AstNode[] = []): AstNode[] {
  if (node === undefined) return out;
  if (node.type === 'scalar_binary_expression' && node.operator?.toUpperCase() === 'AND') {
    conjuncts(node.left, out);
    conjuncts(node.right, out);
  } else {
    out.push(node);
  }
  return out;
}

/**
 * The partition key value a query fixes (`alias.key = @param` among the top-level conjuncts), or
 * undefined when it does not or the query has a shape this index does not read.
 */
export function partitionValueOf(
  ast: QueryAst,
  keyPath: readonly string[],
  parameters: readonly Parameter[] | undefined,
): { readonly value: unknown } | undefined {
  const body = ast.body;
  if (body?.type !== 'select_query' || keyPath.length !== 1) return undefined;
  if ((body.from?.joins?.length ?? 0) > 0) return undefined;
  const alias = body.from?.source?.alias?.name ?? body.from?.source?.expression?.expression?.name;
  if (alias === undefined) return undefined;
  for (const c of conjuncts(body.where?.condition)) {
    if (c.type !== 'scalar_binary_expression' || c.operator !== '=') continue;
    const [member, param] =
      c.left?.type === 'parameter_name'
        ? [c.right, c.left]
        : c.right?.type === 'parameter_name'
          ? [c.left, c.right]
          : [];
    if (member?.type !== 'scalar_member_expression' || member.computed === true) continue;
    if (member.object?.type !== 'identifier' || member.object.name !== alias) continue;
    if (member.property?.name !== keyPath[0]) continue;
    const parameter = parameters?.find((p) => p.name === param?.name);
    if (parameter !== undefined) return { value: parameter.value };
  }
  return undefined;
}

let installed = false;

/** `$c.reduce(($, c) => typeof c !== "undefined" ? [...$, { alias: c }] : $, [])`, as the engine compiles FROM. */
const QUADRATIC_FROM =
  /\$c\.reduce\(\(\$, (\w+)\) => typeof \1 !== "undefined" \? \[\.\.\.\$, \{\s*(\w+): \1\s*\}\] : \$, \[\]\)/g;

const linearised = new WeakSet<object>();

/** Rewrites the compiled query's FROM into one pass (same rows, same order); once per compiled query. */
export function linearScan(q: CompiledQuery): void {
  if (linearised.has(q)) return;
  linearised.add(q);
  const code = q.code;
  const rewritten = code.replace(
    QUADRATIC_FROM,
    (_match, source: string, alias: string) =>
      `$c.filter((${source}) => typeof ${source} !== "undefined").map((${source}) => ({ ${alias}: ${source} }))`,
  );
  if (rewritten !== code) {
    q._code = rewritten;
    partitionIndexStats.linearised++;
  }
}

/** True when `value` holds an `undefined` anywhere (an object's member or an array's element). */
function holdsUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(holdsUndefined);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsUndefined);
  return false;
}

function copyDefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(copyDefined);
  if (value === null || typeof value !== 'object') return value;
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copyDefined(v);
  return out;
}

/**
 * The engine's `stripUndefined` (undefined dropped from objects and arrays, as the result is then
 * sent as JSON), linear, and without a copy when nothing is undefined. The server only serialises
 * the result, so sharing the stored objects is safe.
 */
export function keepDefined(value: unknown): unknown {
  return holdsUndefined(value) ? copyDefined(value) : value;
}

/** Queries answered from one partition, and queries passed on to the server's full scan (for tests). */
export const partitionIndexStats = { fromPartition: 0, fullScan: 0, linearised: 0 };

/**
 * Installs the index on the embedded server's class of document containers (once per process).
 * The class is passed in by embedded-cosmos.ts, the only module that imports the server.
 */
export function installPartitionIndex(
  documents: { readonly prototype: object },
  queryHelpers: { stripUndefined: (value: unknown) => unknown },
): void {
  if (installed) return;
  installed = true;
  queryHelpers.stripUndefined = keepDefined;
  const proto = documents.prototype as ItemsInternals & {
    _set(data: Row): Row;
    delete(idOrRid: string, partition: unknown): void;
    query(params: { query: string; parameters?: Parameter[] }, options: Row): unknown;
    read(options?: Row): unknown;
  };
  const set = proto._set;
  const remove = proto.delete;
  const query = proto.query;
  const readAll = proto.read;

  // A read of the whole feed runs the engine's `SELECT * FROM c`.
  proto.read = function (this: ItemsInternals, options?: Row): unknown {
    linearScan(this._getQuery('SELECT * FROM c'));
    return readAll.call(this, options);
  };

  proto._set = function (this: ItemsInternals, data: Row): Row {
    const saved = set.call(this, data);
    const key = keyOf(this._getPartition(data));
    const map = partitionsOf(this);
    let rids = map.get(key);
    if (rids === undefined) map.set(key, (rids = new Set()));
    rids.add(String(data._rid));
    return saved;
  };

  proto.delete = function (this: ItemsInternals, idOrRid: string, partition: unknown): void {
    const existing = this._item('/id', idOrRid, partition).read();
    remove.call(this, idOrRid, partition);
    if (existing !== undefined)
      partitionsOf(this)
        .get(keyOf(this._getPartition(existing)))
        ?.delete(String(existing._rid));
  };

  proto.query = function (
    this: ItemsInternals,
    params: { query: string; parameters?: Parameter[] },
    options: { maxItemCount?: number | null; continuation?: unknown },
  ): unknown {
    if (!this._parent.read()) return null;
    const q = this._getQuery(params.query);
    linearScan(q);
    const fixed = partitionValueOf(q.ast, this._getPartitionKeyPath(), params.parameters);
    if (fixed === undefined) {
      partitionIndexStats.fullScan++;
      return query.call(this, params, options);
    }
    partitionIndexStats.fromPartition++;
    const rids = partitionsOf(this).get(keyOf(fixed.value)) ?? new Set<string>();
    const data: Row[] = [];
    for (const rid of rids) {
      const row = this._data.get(rid)?.read();
      if (row !== undefined) data.push(row);
    }
    const parent = this._parent.read();
    const policy = parent?.indexingPolicy as { compositeIndexes?: unknown } | undefined;
    try {
      return q.exec(data, {
        parameters: params.parameters,
        udf: this._userDefinedFunctions(),
        maxItemCount: options.maxItemCount,
        continuation: options.continuation,
        compositeIndexes: policy?.compositeIndexes ?? [],
      });
    } catch (err) {
      (err as { badRequest?: boolean }).badRequest = true;
      throw err;
    }
  };
}
