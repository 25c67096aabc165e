import { z } from 'zod';
import { slug } from './identifiers.ts';

/**
 * One status of the onboarding sheet's vocabulary (klarmelding). The vocabulary is data so
 * that KOMBIT can change labels, colours and reasons without a code change.
 */
export const onboardingStatus = z.strictObject({
  code: slug,
  label: z.string().min(1).meta({ description: 'Danish label as in the sheet, e.g. "1. Ja / Klarmeldt"' }),
  labelEn: z.string().min(1),
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/, { message: 'Write the colour as #rrggbb in lower case, e.g. #c6efce' }),
  textColour: z.string().regex(/^#[0-9a-f]{6}$/).default('#000000'),
  description: z.string().optional(),
  reasonRequired: z.boolean().default(false),
  reasons: z.array(z.string().min(1)).default([]).meta({ description: 'Allowed reasons; empty means free text' }),
  ready: z.boolean().default(false).meta({ description: 'Counts as declared ready (klarmeldt)' }),
});

export const onboardingStatusesFile = z.strictObject({
  $schema: z.string().optional(),
  notes: z.string().optional(),
  statuses: z.array(onboardingStatus),
});

export type OnboardingStatus = z.infer<typeof onboardingStatus>;
