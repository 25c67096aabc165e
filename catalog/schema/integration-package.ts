import { z } from 'zod';
import { packageId } from './identifiers.ts';
import { integrationId } from './integration-id.ts';

/**
 * An integration package (I-krav): the business integrations (forretningsbærende) a use case
 * needs and the prerequisite integrations (forudsætningsintegrationer) they depend on.
 */
export const integrationPackage = z.strictObject({
  id: packageId,
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  business: z.array(integrationId).default([]).meta({ description: 'Forretningsbærende integrationer' }),
  prerequisites: z.array(integrationId).default([]).meta({ description: 'Forudsætningsintegrationer' }),
  fictional: z.boolean().default(false).meta({
    description:
      'True for a package the project made up (id and title not from KOMBIT); its title ends in "(projekteksempel)"',
  }),
  contentsNote: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "Where the package's integrations come from, when KOMBIT's sources do not list them" }),
});

export const integrationPackagesFile = z.strictObject({
  $schema: z.string().optional(),
  notes: z.string().optional(),
  packages: z.array(integrationPackage),
});

export type IntegrationPackage = z.infer<typeof integrationPackage>;
