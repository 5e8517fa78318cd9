import { z } from 'zod';
import { DEMO_VERB } from '../../../cards/demo/demo-cards';
import { defineAction, type Feature } from '../feature';
import type { FeatureRouter } from '../router';
import { startDemo, startHereFrom } from './start-demo';

/** Where the ready card points a newcomer first (each runs through the router with its own checks). */
const START_HERE = ['caseload', 'screening.new', 'screening.list', 'digest.preview', 'roles'];

/**
 * The local trial's "Prøv med et demo-jobcenter" button (offered on the welcome card, see
 * start-demo.ts). Built with a lazy reference to the router for the ready card's buttons.
 */
export function demoFeature(router: () => FeatureRouter): Feature {
  return {
    name: 'demo',
    actions: [
      defineAction({
        verb: DEMO_VERB,
        // Nothing from the card is used: the demo is the same for everyone.
        schema: z.object({}),
        handle: (ctx) => startDemo(ctx, startHereFrom(router().listCommands(), START_HERE)),
      }),
    ],
  };
}
