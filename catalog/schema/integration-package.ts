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
});

export const integrationPackagesFile = z.strictObject({
  $schema: z.string().optional(),
  notes: z.string().optional(),
  packages: z.array(integrationPackage),
});

export type IntegrationPackage = z.infer<typeof integrationPackage>;
