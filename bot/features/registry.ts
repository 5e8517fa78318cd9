import { adminFeature } from './admin/handlers';
import { digestFeature } from './digest/handlers';
import { agreementFeature } from './agreement/handlers';
import { caseFeature } from './case/handlers';
import { caseloadFeature } from './caseload/handlers';
import { followUpFeature } from './followup/handlers';
import { hkoFeature } from './hko/handlers';
import { hoursFeature } from './hours/handlers';
import { placementFeature } from './placement/handlers';
import { privacyFeature } from './privacy/handlers';
import { copiesFeature } from './copies/handlers';
import { onboardingFeature, type OnboardingFeature } from './onboarding/handlers';
import { progressionFeature } from './progression/handlers';
import { screeningFeature } from './screening/handlers';
import { visitationFeature } from './visitation/handlers';
import { fidelityFeature } from './fidelity/handlers';
import { FeatureRouter } from './router';
import type { Feature } from './feature';

/**
 * Every feature of the bot, in the order their commands are tried. A new feature adds one line
 * here; nothing else in the wiring changes.
 */
export function buildFeatures(): { router: FeatureRouter; onboarding: OnboardingFeature } {
  const built: { router?: FeatureRouter } = {};
  const onboarding = onboardingFeature(() => {
    if (built.router === undefined) throw new Error('Router used before it was built');
    return built.router;
  });
  const features: Feature[] = [
    onboarding,
    adminFeature,
    screeningFeature,
    visitationFeature,
    progressionFeature,
    caseloadFeature,
    caseFeature,
    agreementFeature,
    placementFeature,
    hoursFeature,
    followUpFeature,
    hkoFeature,
    privacyFeature,
    copiesFeature,
    digestFeature,
    fidelityFeature,
  ];
  const router = new FeatureRouter(features);
  built.router = router;
  return { router, onboarding };
}
