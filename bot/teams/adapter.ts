import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
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

/** The public cloud's channel settings with another key source: botbuilder wants all of them together. */
const channelKeysAt = (openIdMetadataUrl: string) => ({
  ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  CallerId: CallerIdConstants.PublicAzureChannel,
  ValidateAuthority: true,
});

export function createAdapter(config: Config, channelOpenIdMetadataUrl?: string): FremdriftAdapter {
  const settings = {
    ...(channelOpenIdMetadataUrl !== undefined ? channelKeysAt(channelOpenIdMetadataUrl) : {}),
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    // Without an app id there are no credentials to check; botbuilder's "MultiTenant" with empty values means "auth off".
    MicrosoftAppType: config.MICROSOFT_APP_ID === undefined ? 'MultiTenant' : config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
  };
  return new FremdriftAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
