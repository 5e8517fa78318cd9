import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config';

/**
 * The Bot Framework adapter. With MICROSOFT_APP_ID set, every inbound request must carry a valid
 * Bot Framework token for that app; without it authentication is off (local Playground only).
 */
export class FremdriftAdapter extends TeamsAdapter {
  /** Validates an inbound token exactly as `process` would (signature, issuer, audience, expiry, endorsements). */
  authenticateInbound(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }
}

export function createAdapter(config: Config): FremdriftAdapter {
  const settings = {
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    // Without an app id there are no credentials to check; botbuilder's "MultiTenant" with empty values means "auth off".
    MicrosoftAppType: config.MICROSOFT_APP_ID === undefined ? 'MultiTenant' : config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
  };
  return new FremdriftAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
