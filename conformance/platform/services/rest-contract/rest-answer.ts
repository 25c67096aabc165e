import { buildJson } from '../../../../catalog/index.ts';
import type { MessageField, RestContractOperation } from '../../../../catalog/index.ts';

const hasFejl = (fields: MessageField[]): boolean =>
  fields.some((f) => (f.name === 'Fejl' && f.fields?.some((c) => c.name === 'FejlId')) || hasFejl(f.fields ?? []));

/**
 * A refusal in the service's own words: KOMBIT's REST answers carry `SvarReaktion/Fejl` (FejlId,
 * FejlTekst) in `HovedoplysningerSvarREST` (the KlassifikationListeHent OpenAPI's error_response), so
 * the answer tree is filled with just that Fejl. A tree without one gets `{ FejlId, FejlTekst }`.
 */
export function fejlBody(op: RestContractOperation, id: string, text: string): Record<string, unknown> {
  if (!hasFejl(op.output.fields)) return { FejlId: id, FejlTekst: text };
  return buildJson(op.output.fields, {
    samples: [
      { field: 'Fejl/FejlId', values: [id] },
      { field: 'Fejl/FejlTekst', values: [text] },
    ],
  });
}
