import { z } from 'zod';

/**
 * Identifier formats shared by every catalogue file. Each carries a description that
 * the JSON Schema (and so the editor) shows, and a message that says how to fix it.
 * Integration ids have their own file, integration-id.ts, which lists KOMBIT's forms.
 */

/** A UUID in the lower-case form Serviceplatformen requires (its XSD pattern allows only a-f). */
export const lowerCaseUuid = z
  .string()
  .regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/, {
    message: 'Write a UUID in lower case, 8-4-4-4-12 hex digits, e.g. e6be2436-bf35-4df2-83fe-925142825dc2',
  })
  .meta({ description: 'UUID, lower case (Serviceplatformen rejects upper case)' });

/** A Danish CVR number: eight digits. */
export const cvr = z
  .string()
  .regex(/^\d{8}$/, { message: 'Write the CVR number as eight digits in quotes, e.g. "11111111"' })
  .meta({ description: 'CVR number, eight digits' });

/** A service area (ydelsesområde) of SKI 02.19, e.g. Y14. */
export const areaId = z
  .string()
  .regex(/^Y\d{2}$/, { message: 'Write a service area as Y and two digits, e.g. Y14' })
  .meta({ description: 'Service area (ydelsesområde), e.g. Y14' });

/** A use case of a service area, e.g. Y14.II.1. */
export const useCaseId = z
  .string()
  .regex(/^Y\d{2}\.[IVX]+\.\d+$/, { message: 'Write a use case as area.roman.number, e.g. Y14.II.1' })
  .meta({ description: 'Use case, e.g. Y14.II.1' });

/** An integration package (I-krav), e.g. I-04. */
export const packageId = z
  .string()
  .regex(/^I-\d{2}$/, { message: 'Write an integration package as I- and two digits, e.g. I-04' })
  .meta({ description: 'Integration package (I-krav), e.g. I-04' });

/** A kebab-case id for things the project names itself (systems, statuses). */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Use lower-case letters, digits and hyphens, e.g. jobcenter-plus' })
  .meta({ description: 'kebab-case id' });

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z.iso.date({ message: 'Write the date as YYYY-MM-DD, e.g. 2021-05-11' });

/** A web address. */
export const url = z.url({ message: 'Write a full address starting with https:// or http://' });

/** Where a fact comes from: a web address or a repository reference (owner/repo@commit:path). */
export const source = z
  .string()
  .min(1)
  .meta({ description: 'Where the fact comes from: a URL or owner/repo@commit:path' });
