import { z } from 'zod';
import { integrationId } from './integration-id.ts';

/**
 * Korsbæk Kommune's test data for an integration whose answers the platform builds from the
 * contract (the contract module, conformance/platform/services/contract/): the values its answers
 * carry, by response field. A field without a sample gets a value made from its type.
 */
export const korsbaekSample = z.strictObject({
  service: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'The service the sample is for; left out: every service of the integration' }),
  operation: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'The operation the sample is for; left out: every operation' }),
  field: z
    .string()
    .regex(/^[^/\s]+(\/[^/\s]+)*$/, { message: 'Write a local element name, or a path of them separated by /' })
    .meta({
      description:
        'A response field by local name (anywhere in the answer), or a path of local names ending in it (Bevilling/BevillingUUID)',
    }),
  values: z
    .array(z.string())
    .min(1)
    .meta({ description: 'The values, one per occurrence: more than one makes a repeatable field repeat' }),
});

export const korsbaekSamplesFile = z
  .strictObject({
    $schema: z.string().optional(),
    integration: integrationId,
    description: z.string().optional().meta({ description: 'What the data is and where it comes from' }),
    samples: z.array(korsbaekSample).min(1),
  })
  .meta({
    id: 'KorsbaekSamples',
    description: "Korsbæk Kommune's test data for the contract-built answers of one integration",
  });

export type KorsbaekSample = z.infer<typeof korsbaekSample>;
export type KorsbaekSamples = Omit<z.infer<typeof korsbaekSamplesFile>, '$schema'>;
