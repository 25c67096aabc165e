import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID');
const status = z.enum(['Aktiv', 'Inaktiv']).default('Aktiv');

export const korsbaekUnit = z.strictObject({
  uuid,
  key: z.string().max(50).meta({ description: 'BrugervendtNoegle' }),
  name: z.string().max(200),
  parent: uuid.optional(),
  status,
  note: z.string().optional(),
});

export const korsbaekUser = z.strictObject({
  uuid,
  userId: z.string().max(50).meta({ description: 'BrugervendtNoegle (the user id)' }),
  name: z.string().max(200),
  unit: uuid,
  functions: z.array(uuid).default([]),
  status,
  note: z.string().optional(),
});

/** Korsbæk Kommune's organisation: units, functions and users (SF1500 Organisation test data). */
export const korsbaekOrganisationFile = z
  .strictObject({
    $schema: z.string().optional(),
    organisation: z.strictObject({ uuid, name: z.string(), cvr: z.string().regex(/^\d{8}$/) }),
    validFrom: z.string(),
    registeredAt: z.string(),
    units: z.array(korsbaekUnit),
    functions: z.array(z.strictObject({ uuid, name: z.string(), unit: uuid })),
    users: z.array(korsbaekUser),
  })
  .meta({
    id: 'KorsbaekOrganisation',
    description: "Korsbæk Kommune's fictional organisation, as the platform's SF1500 Organisation serves it",
  });

export type KorsbaekOrganisation = Omit<z.infer<typeof korsbaekOrganisationFile>, '$schema'>;
export type KorsbaekUnit = z.infer<typeof korsbaekUnit>;
export type KorsbaekUser = z.infer<typeof korsbaekUser>;
