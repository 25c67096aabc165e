import { z } from 'zod';
import { areaId, packageId, useCaseId } from './identifiers.ts';
import { integrationId } from './integration-id.ts';

/** Whether a use case requires a package outright or offers it as a supplement. */
export const requirementLevel = z.enum(['mandatory', 'supplementary']);

/**
 * An integration a source requires for a use case without naming the package (I-krav) that
 * holds it, e.g. the SAPA dialog integration in KOMBIT's Y14 example report. Kept outside every
 * package so the catalogue never invents one.
 */
export const unpackagedRequirement = z.strictObject({
  integration: integrationId,
  level: requirementLevel,
  source: z.string().min(1).meta({ description: 'Where the requirement comes from, and that it names no package' }),
});

export const useCase = z.strictObject({
  id: useCaseId,
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  packages: z
    .array(z.strictObject({ package: packageId, level: requirementLevel }))
    .default([])
    .meta({ description: 'Integration packages the use case requires, mandatory or supplementary' }),
  integrations: z
    .array(unpackagedRequirement)
    .default([])
    .meta({ description: "Integrations KOMBIT's sources require without saying which package holds them" }),
  fictional: z
    .boolean()
    .default(false)
    .meta({ description: 'True for a use case the project made up; its title ends in "(projekteksempel)"' }),
});

/** A service area (ydelsesområde) of SKI 02.19 with its use cases. */
export const serviceArea = z.strictObject({
  id: areaId,
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  useCases: z.array(useCase).default([]),
});

export const serviceAreasFile = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(z.string().min(1)).default([]),
  areas: z.array(serviceArea),
});

export type ServiceArea = z.infer<typeof serviceArea>;
export type UseCase = z.infer<typeof useCase>;
export type UnpackagedRequirement = z.infer<typeof unpackagedRequirement>;
export type RequirementLevel = z.infer<typeof requirementLevel>;
