import { z } from 'zod';
import { areaId, packageId, useCaseId } from './identifiers.ts';

/** Whether a use case requires a package outright or offers it as a supplement. */
export const requirementLevel = z.enum(['mandatory', 'supplementary']);

export const useCase = z.strictObject({
  id: useCaseId,
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  packages: z
    .array(z.strictObject({ package: packageId, level: requirementLevel }))
    .default([])
    .meta({ description: 'Integration packages the use case requires, mandatory or supplementary' }),
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
export type RequirementLevel = z.infer<typeof requirementLevel>;
