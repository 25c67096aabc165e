import { z } from 'zod';
import { areaId, cvr, lowerCaseUuid, slug, useCaseId } from './identifiers.ts';
import { integrationId } from './integration-id.ts';
import { declaredProgrammePlace } from './programme-place.ts';

/** A supplier (leverandør), identified by CVR. */
export const supplier = z.strictObject({
  cvr,
  name: z.string().min(1),
  fictional: z.boolean().default(false).meta({ description: 'True for the example suppliers the project invents' }),
});

/** An exception from an integration requirement that the supplier has declared, with its reason. */
export const declaredException = z.strictObject({
  integration: integrationId,
  reason: z.string().min(1, { message: 'Say why the integration does not apply' }),
});

/**
 * A klarmelding status KOMBIT has recorded by hand for one integration of a system (e.g. from
 * the onboarding sheet). `status` is a code of the onboarding vocabulary (onboarding-statuses.yaml).
 */
export const recordedStatus = z.strictObject({
  integration: integrationId,
  status: slug.meta({ description: 'A status code from onboarding-statuses.yaml, e.g. klarmeldt' }),
  reason: z.string().min(1).optional().meta({ description: 'Required when the status requires a reason' }),
  round: z
    .int()
    .min(1)
    .optional()
    .meta({ description: 'The onboarding round of a status whose word takes one (tilmeldt: "Forløb 3")' }),
});

/**
 * What `klarmeld catalog import-systems` read for a system: the file and row, the columns it does
 * not map (verbatim, under their header), and values it could not resolve (a municipality name
 * the catalogue does not know …), so nothing in KOMBIT's inventory is lost.
 */
export const systemInventoryEntry = z.strictObject({
  source: z.string().min(1).meta({ description: 'The file the system was imported from' }),
  row: z.int().min(1).optional(),
  columns: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: 'Columns the import does not map, verbatim' }),
  unresolved: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .meta({ description: 'Values of mapped columns the catalogue could not resolve, per column' }),
});

/** A specialist system (fagsystem) on SKI 02.19, registered as an it-system on the platform. */
export const skiSystem = z.strictObject({
  id: slug,
  name: z.string().min(1),
  supplier: cvr.meta({ description: "The supplier's CVR" }),
  areas: z.array(areaId).min(1),
  useCases: z.array(useCaseId).default([]),
  municipalities: z.array(cvr).default([]).meta({ description: 'CVR of the municipalities using the system' }),
  userSystemUuid: lowerCaseUuid.meta({ description: 'The it-system UUID (UserSystemUUID)' }),
  exceptions: z.array(declaredException).default([]),
  statuses: z
    .array(recordedStatus)
    .optional()
    .meta({ description: 'Statuses KOMBIT has recorded by hand, per integration' }),
  programme: declaredProgrammePlace.optional().meta({
    description:
      "The system's place in KOMBIT's onboarding programme as KOMBIT declared it (category, round, reason); the sheet's programme events win over it",
  }),
  fictional: z
    .boolean()
    .default(false)
    .meta({ description: 'True for the example systems the project invents (shown as projekteksempel)' }),
  userSystemUuidDerived: z.literal(true).optional().meta({
    description:
      "Set when the inventory gave no it-system UUID: the one here is derived from name and supplier so it stays stable, and is not the platform's",
  }),
  inventory: systemInventoryEntry
    .optional()
    .meta({ description: 'Where an imported system comes from, with what the import could not map, verbatim' }),
});

/** A municipality (kommune) or other authority, including the test municipality Korsbæk. */
export const municipality = z.strictObject({
  code: z
    .string()
    .regex(/^\d{3}$/, { message: 'Write the kommunekode as three digits, e.g. "101"' })
    .optional(),
  name: z.string().min(1),
  cvr,
  region: z.string().min(1).optional(),
  test: z.boolean().default(false).meta({ description: 'True for test municipalities such as Korsbæk Kommune' }),
});

export const suppliersFile = z.strictObject({ $schema: z.string().optional(), suppliers: z.array(supplier) });
export const systemsFile = z.strictObject({ $schema: z.string().optional(), systems: z.array(skiSystem) });
export const municipalitiesFile = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(z.string().min(1)).default([]),
  municipalities: z.array(municipality),
});

export type Supplier = z.infer<typeof supplier>;
export type RecordedStatus = z.infer<typeof recordedStatus>;
export type SkiSystem = z.infer<typeof skiSystem>;
export type Municipality = z.infer<typeof municipality>;
