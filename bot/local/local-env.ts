import { PLAYGROUND_CURRENT_USER } from './playground-config';

/**
 * What `npm start` changes in the environment for a local trial, before the configuration is read
 * (so every value still passes bot/config.ts):
 * - with authentication off (local only) and no admins named, the Playground's user is the first admin;
 * - Danish is the language of users who have not chosen one: the Playground sends en-US on every
 *   activity, and a Danish jobcentre trying Fremdrift should meet it in Danish (DEFAULT_LANGUAGE).
 * A value set in the environment always wins.
 */
export function localEnv(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; defaultAdmin: boolean } {
  const defaultAdmin = (env.MICROSOFT_APP_ID ?? '').trim() === '' && (env.ADMIN_AAD_OBJECT_IDS ?? '').trim() === '';
  return {
    env: {
      ...env,
      ...(defaultAdmin ? { ADMIN_AAD_OBJECT_IDS: PLAYGROUND_CURRENT_USER.aadObjectId } : {}),
      ...((env.DEFAULT_LANGUAGE ?? '').trim() === '' ? { DEFAULT_LANGUAGE: 'da' } : {}),
    },
    defaultAdmin,
  };
}
