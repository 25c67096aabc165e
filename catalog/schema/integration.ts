import { z } from 'zod';
import { isoDate, source, url } from './identifiers.ts';
import { integrationId } from './integration-id.ts';
import { service } from './service.ts';

/** Where the integration runs: Serviceplatformen, or which Støttesystem (or SAPA for the dialog integration). */
export const platform = z
  .enum([
    'Serviceplatformen',
    'Organisation',
    'Klassifikation',
    'Beskedfordeler',
    'Sags- og dokumentindeks',
    'Ydelsesindeks',
    'Adgangsstyring',
    'SAPA',
  ])
  .meta({ description: 'Serviceplatformen, or the Støttesystem it belongs to' });

/** What the integration does, in KOMBIT's words. */
export const kind = z.enum(['opslag', 'udtræk', 'opdatering', 'funktion', 'besked']);

/** How the platform carries the call. */
export const pattern = z.enum([
  'gennemstilling',
  'omstilling',
  'replika',
  'orkestrering',
  'fælleskomponent',
  'direkte støttesystemkald',
]);

/**
 * Who opens the connection: the supplier's system calls the infrastructure (`anvender-kalder`),
 * the infrastructure calls the supplier's system (`platform-kalder`), or both.
 */
export const direction = z.enum(['anvender-kalder', 'platform-kalder', 'begge']);

/** The lifecycle KOMBIT gives each integration version. */
export const lifecycle = z.enum(['Kommende', 'I drift', 'Udfases', 'Udfaset']);

/**
 * How much of the integration is publicly documented. `kun-titel` means only its number and
 * title are public: such an integration has no services, operations or endpoints in the catalogue.
 */
export const publicInformation = z.enum(['fuld', 'delvis', 'kun-titel']);

export const link = z.strictObject({ title: z.string().min(1), url });

/** KOMBIT's number of an integration version: numbers and dots, e.g. 6 or 3.1. */
export const versionNumber = z
  .string()
  .regex(/^\d+(\.\d+)*$/, { message: 'Write the version as numbers and dots, e.g. 3.1' });

/**
 * One version of an integration. `version` is KOMBIT's number; it is left out (never guessed)
 * when the sources show that the version exists (its lifecycle, its services) but not its number.
 * The services keep their own versions, which the sources do give.
 */
export const integrationVersion = z.strictObject({
  version: versionNumber.optional().meta({
    description:
      "KOMBIT's version number of the integration, e.g. 6 or 3.1. Leave it out only when the sources do not give it " +
      "(say so in the file's notes); never write a number of your own. At most one version of an integration may " +
      'be without a number; it sorts where it is listed.',
  }),
  lifecycle,
  validFrom: isoDate.optional().meta({ description: 'Date the version took effect, YYYY-MM-DD' }),
  news: z.string().optional().meta({ description: 'What is new in this version (Danish)' }),
  services: z.array(service).default([]),
});

/** One integration (SF number) as KOMBIT catalogues it. */
export const integration = z.strictObject({
  $schema: z.string().optional(),
  id: integrationId,
  title: z.string().min(1, { message: 'Give the Danish title exactly as KOMBIT writes it' }).meta({
    description: 'Danish title exactly as KOMBIT writes it',
  }),
  titleEn: z.string().min(1).optional().meta({ description: 'English title' }),
  publicInformation,
  purpose: z.string().min(1).optional().meta({ description: 'What the integration is for (Danish)' }),
  purposeEn: z.string().min(1).optional(),
  platform: platform.optional(),
  kind: kind.optional(),
  pattern: pattern.optional(),
  direction: direction.optional(),
  sensitivePersonalData: z.boolean().optional().meta({ description: 'Whether sensitive personal data flows' }),
  ski0219: z.boolean().default(false).meta({ description: 'Offered on the SKI 02.19 framework agreement' }),
  prerequisites: z.array(integrationId).default([]).meta({ description: 'Integrations this one needs, e.g. SF1514' }),
  replaces: z.array(integrationId).default([]),
  replacedBy: z.array(integrationId).default([]),
  links: z.array(link).default([]),
  sources: z.array(source).min(1, { message: 'Name at least one source for the facts in this file' }),
  notes: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'What is not publicly known, or caveats (Danish); give notesEn beside it' }),
  notesEn: z.string().min(1).optional().meta({ description: 'The notes in English, for the English site' }),
  versions: z.array(integrationVersion).default([]).meta({ description: 'Versions, oldest first' }),
});

export type Integration = z.infer<typeof integration>;
export type IntegrationVersion = z.infer<typeof integrationVersion>;
export type Lifecycle = z.infer<typeof lifecycle>;
