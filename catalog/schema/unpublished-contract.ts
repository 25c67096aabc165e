import { z } from 'zod';
import { integrationId } from './integration-id.ts';

/**
 * An integration whose contract (WSDL/XSD or OpenAPI) KOMBIT has not published, so klarmeld
 * cannot simulate or test it: said in the catalogue, before a run, not found out after. Importing
 * the contract later (`klarmeld catalog import-contract`) and removing the entry is all it takes.
 */
export const unpublishedContract = z.strictObject({
  integration: integrationId,
  status: z.literal('kontrakt ikke offentliggjort').meta({ description: "KOMBIT's contract is not public" }),
  reason: z.string().min(1).meta({ description: 'What is and is not public, in English' }),
  sources: z.array(z.string().min(1)).default([]).meta({ description: 'Where it was looked for' }),
});

export const unpublishedContractsFile = z
  .strictObject({
    $schema: z.string().optional(),
    contracts: z.array(unpublishedContract),
  })
  .meta({ id: 'UnpublishedContracts', description: 'Integrations whose contract KOMBIT has not published' });

export type UnpublishedContract = z.infer<typeof unpublishedContract>;
