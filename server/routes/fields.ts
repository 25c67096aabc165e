/** Reading the fields of a JSON body, with a 400 that names the field and what it must be. */
import type { Catalog } from '../../catalog/index.ts';
import { badRequest } from '../api/api-error.ts';

export function text(body: Record<string, unknown>, field: string, what: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value.trim()) throw badRequest(`"${field}" must be ${what}.`);
  return value.trim();
}

export function optionalText(body: Record<string, unknown>, field: string, what: string): string | undefined {
  return body[field] === undefined || body[field] === null ? undefined : text(body, field, what);
}

export function optionalList(body: Record<string, unknown>, field: string, what: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw badRequest(`"${field}" must be ${what}.`);
  return value as string[];
}

/**
 * The catalogue's id of the integration in `body.integration`, in any case: "sf1520" is SF1520,
 * "sapa-dialog" is SAPA-dialog (upper-casing alone would miss ids with small letters).
 */
export function integrationId(catalog: Catalog, body: Record<string, unknown>): string {
  const given = text(body, 'integration', 'the integration id, e.g. SF1520');
  const found = catalog.integrations.find((i) => i.id.toLowerCase() === given.toLowerCase());
  if (!found) throw badRequest(`The catalogue has no integration ${given}.`);
  return found.id;
}
