import { adminFeature } from './admin/handlers';
import { digestFeature } from './digest/handlers';
import { agreementFeature } from './agreement/handlers';
import { caseFeature } from './case/handlers';
import { caseloadFeature } from './caseload/handlers';
import { companyFeature } from './company/handlers';
import { followUpFeature } from './followup/handlers';
import { hkoFeature } from './hko/handlers';
import { hoursFeature } from './hours/handlers';
import { languageFeature } from './language/handlers';
import { jobMatchFeature } from './jobmatch/handlers';
import { placementFeature } from './placement/handlers';
import { privacyFeature } from './privacy/handlers';
import { copiesFeature } from './copies/handlers';
import { onboardingFeature, type OnboardingFeature } from './onboarding/handlers';
import { progressionFeature } from './progression/handlers';
import { retentionFeature } from './retention/handlers';
import { rehabFeature } from './rehab/handlers';
import { teamFeature } from './team/handlers';
import { screeningFeature } from './screening/handlers';
import { visitationFeature } from './visitation/handlers';
import { demoFeature } from './demo/handlers';
import { fidelityFeature } from './fidelity/handlers';
import { FeatureRouter } from './router';
import type { Feature } from './feature';

/**
 * Every feature of the bot, in the order their commands are tried. A new feature adds one line
 * here; nothing else in the wiring changes.
 */
export function buildFeatures(): { router: FeatureRouter; onboarding: OnboardingFeature } {
  const built: { router?: FeatureRouter } = {};
  const router = (): FeatureRouter => {
    if (built.router === undefined) throw new Error('Router used before it was built');
    return built.router;
  };
  const onboarding = onboardingFeature(router);
  const features: Feature[] = [
    onboarding,
    adminFeature,
    screeningFeature,
    visitationFeature,
    progressionFeature,
    caseloadFeature,
    caseFeature,
    rehabFeature,
    teamFeature,
    agreementFeature,
    placementFeature,
    hoursFeature,
    followUpFeature,
    hkoFeature,
    privacyFeature,
    copiesFeature,
    retentionFeature,
    digestFeature,
    languageFeature,
    companyFeature,
    jobMatchFeature,
    demoFeature(router),
    fidelityFeature,
  ];
  built.router = new FeatureRouter(features);
  return { router: built.router, onboarding };
}
