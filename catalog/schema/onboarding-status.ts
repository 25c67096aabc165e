import { z } from 'zod';
import { slug } from './identifiers.ts';

/** A numbered code of KOMBIT's connection report, e.g. "🟢 1. Ja". Only codes the sources show are listed. */
export const reportCode = z.strictObject({
  number: z.int().min(1),
  word: z.string().min(1),
  sign: z.string().min(1).meta({ description: 'The sign KOMBIT puts before the code, e.g. 🟢' }),
});

/**
 * One status of the onboarding sheet's vocabulary (klarmelding): the words KOMBIT writes in a
 * cell of its sheet for it, and the connection report's numbered code where the sources give
 * one. The vocabulary is data so that KOMBIT can change words and colours without a code change.
 */
export const onboardingStatus = z.strictObject({
  code: slug,
  label: z.string().min(1).meta({ description: 'The word KOMBIT writes in the sheet, e.g. "Klarmeldt"' }),
  labelEn: z.string().min(1),
  mark: z
    .string()
    .regex(/^[A-Z]{1,2}$/)
    .optional()
    .meta({
      description:
        'Short code for narrow cells and filters (--status K), one set for CLI, site and README; default the initials of the code',
    }),
  words: z.array(z.string().min(1)).min(1).optional().meta({
    description:
      'Every spelling KOMBIT writes in a sheet cell; the first is written when only the code is known; default [label]',
  }),
  round: z.boolean().default(false).meta({ description: 'The word carries a round number ("Forløb 3")' }),
  reportCode: reportCode
    .optional()
    .meta({ description: "The connection report's code; absent where KOMBIT's sources give none" }),
  inSheet: z
    .boolean()
    .default(true)
    .meta({ description: "A word KOMBIT writes in its sheet's cells (offered in the Excel drop-down)" }),
  colour: z.string().regex(/^#[0-9a-f]{6}$/, { message: 'Write the colour as #rrggbb in lower case, e.g. #c6efce' }),
  textColour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .default('#000000'),
  description: z.string().optional(),
  source: z.string().optional().meta({ description: 'Where KOMBIT shows the word' }),
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
export type ReportCode = z.infer<typeof reportCode>;
