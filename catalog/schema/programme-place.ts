import { z } from 'zod';

/**
 * KOMBIT's programme categories (seeds/002, slide "ONBOARDINGSPROGRAMMET HAR OVERBLIKKET OVER
 * TILSLUTNINGERNE") by klarmeld's code. They describe a system's place in the onboarding
 * programme, never a cell: the labels are in conformance/onboarding/programme-categories.ts.
 */
export const programmeCategoryCodes = [
  'tilmeldt',
  'klarmeldt',
  'delvist-klarmeldt',
  'irrelevant',
  'manglende-info',
  'ikke-klarmeldt',
  'administrativt-fjernet',
] as const;

/** KOMBIT's reasons, as KOMBIT writes them (same slide). They describe a product or a supplier's declaration. */
export const programmeReasonTexts = [
  'Leverandøren er ikke enig',
  'Leverandøren har fortrudt selvangivelsen',
  'Produktet er gået ud af markedet',
  'Produktet har endnu ikke solgt',
  'Kommunen efterspørger det ikke',
  'Der kan ikke skaffes en pilot',
  'Teknisk viser integrationen sig at være urentabel',
] as const;

/**
 * A system's place in the programme as KOMBIT declared it in the catalogue (e.g. "Administrativt
 * fjernet", which the cells can never show). The sheet's `sheet programme` events win over it;
 * without either, the place is derived from the cells.
 */
export const declaredProgrammePlace = z
  .strictObject({
    category: z
      .enum(programmeCategoryCodes)
      .meta({ description: 'A programme category code, e.g. administrativt-fjernet' }),
    round: z.int().min(1).optional().meta({ description: 'The onboarding round, only with category tilmeldt' }),
    reason: z
      .enum(programmeReasonTexts)
      .optional()
      .meta({ description: "One of KOMBIT's reasons, as KOMBIT writes it" }),
  })
  .refine((p) => p.round === undefined || p.category === 'tilmeldt', {
    message:
      'A round belongs only to category tilmeldt (Tilmeldt onboardingsforløb): remove round or set category: tilmeldt',
    path: ['round'],
  });

export type DeclaredProgrammePlace = z.infer<typeof declaredProgrammePlace>;
