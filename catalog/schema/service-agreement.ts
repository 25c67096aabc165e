import { z } from 'zod';
import { cvr, slug } from './identifiers.ts';
import { integrationId } from './integration-id.ts';

/**
 * A service agreement (serviceaftale) as KOMBIT's agreement list gives it: which system may call
 * an integration's services on behalf of which municipality, and the agreement's status as the
 * list writes it. Municipalities approve agreements (DESIGN.md §3), so only an approved one
 * counts towards a system's spread ("tilsluttet i N af M kommuner").
 */
export const serviceAgreement = z.strictObject({
  system: slug.meta({ description: "The catalogue system's id" }),
  integration: integrationId,
  municipality: cvr.meta({ description: "The municipality's CVR" }),
  status: z.string().min(1).meta({ description: 'The status as the agreement list writes it, e.g. Godkendt' }),
});

/** Statuses of an agreement list that mean the municipality has approved the agreement. */
export const approvedAgreementStatuses = ['godkendt', 'approved'] as const;

export const isApprovedAgreement = (agreement: { status: string }) =>
  (approvedAgreementStatuses as readonly string[]).includes(agreement.status.trim().toLowerCase());

export const serviceAgreementsFile = z.strictObject({
  $schema: z.string().optional(),
  sources: z
    .array(z.string().min(1))
    .default([])
    .meta({ description: 'Where the list comes from (file, date, who exported it)' }),
  agreements: z.array(serviceAgreement),
  unmapped: z
    .array(z.strictObject({ row: z.int().min(1), reason: z.string().min(1), cells: z.record(z.string(), z.string()) }))
    .default([])
    .meta({ description: 'Rows of the imported list the catalogue could not map, verbatim, with why' }),
});

export type ServiceAgreement = z.infer<typeof serviceAgreement>;
