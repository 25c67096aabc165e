import { isSimple, valueFor } from '../../../../catalog/index.ts';
import type { MessageField, RestContractOperation } from '../../../../catalog/index.ts';

/** At most this many values are kept per name, and read per repeatable field. */
const maxValuesPerName = 1000;

/** What a request asked, by local name (for echoing), and the field that asks for a fault, if one does. */
export interface RestRequestValues {
  byName: Map<string, string[]>;
  /** The path of the first field holding its fault-on-demand value (catalog/message-values.ts). */
  faultTrigger?: string;
}

/**
 * The simple values of a REST request: its path and query parameters and the JSON body's values,
 * and whether one of them is that field's fault value (`valueFor(field, 'fault')`: all-f UUIDs,
 * KLARMELD-FEJL …), the generic suite's way to ask the service for its fault, as for SOAP.
 */
export function restRequestValues(
  op: RestContractOperation,
  params: Record<string, string>,
  query: URLSearchParams,
  body: unknown,
): RestRequestValues {
  const byName = new Map<string, string[]>();
  let faultTrigger: string | undefined;
  const note = (field: MessageField, value: string, path: string) => {
    let list = byName.get(field.name);
    if (!list) byName.set(field.name, (list = []));
    // Echoing needs a few values; a hostile array of thousands must not cost more than reading it once.
    if (list.length < maxValuesPerName) list.push(value);
    if (faultTrigger === undefined && isSimple(field) && value === valueFor(field, 'fault')) faultTrigger = path;
  };
  for (const p of op.parameters) {
    const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? (query.get(p.name) ?? undefined) : undefined;
    if (value !== undefined) note({ ...p, name: p.name }, value, `${p.in}:${p.name}`);
  }
  const walk = (value: unknown, fields: MessageField[], path: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const f of fields) {
      const v = (value as Record<string, unknown>)[f.name];
      // Only as many items as the field allows are read: the tree check reports the rest.
      const max = f.maxOccurs === 'unbounded' ? maxValuesPerName : (f.maxOccurs ?? 1);
      for (const item of Array.isArray(v) ? v.slice(0, max) : v === undefined ? [] : [v]) {
        if (f.fields) walk(item, f.fields, `${path}/${f.name}`);
        else if (typeof item !== 'object') note(f, String(item), `${path}/${f.name}`);
      }
    }
  };
  if (op.input) walk(body, op.input.fields, '');
  return { byName, ...(faultTrigger !== undefined && { faultTrigger }) };
}
