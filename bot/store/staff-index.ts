import type { Role } from '../domain/roles';
import type { Store } from './cosmos-store';
import { UserDocSchema, type UserDoc } from './directory-repository';
import { queryPage } from './documents';

/**
 * Staff with a role in every tenant, a page at a time. This is the one query without a tenant in
 * WHERE, on purpose: a scheduled job serves all municipalities and must first learn who is there.
 * Each result carries its tenantId, and everything done with it afterwards is scoped to that tenant.
 */
export async function* staffWithRole(store: Store, role: Role, pageSize = 200): AsyncGenerator<UserDoc> {
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(
      store.containers.directory,
      {
        query: 'SELECT * FROM c WHERE c.type = "user" AND ARRAY_CONTAINS(c.roles, @r)',
        parameters: [{ name: '@r', value: role }],
      },
      UserDocSchema,
      { maxItemCount: pageSize, continuationToken },
    );
    for (const user of page.items) yield user;
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
}
