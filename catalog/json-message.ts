import { builtinOf, valueFor } from './message-values.ts';
import type { KorsbaekSample } from './schema/korsbaek-samples.ts';
import type { MessageField } from './schema/message.ts';

/** What fills a JSON message: samples (Korsbæk data, or values a caller chose), first match wins, and values echoed by name. */
export interface JsonData {
  samples: KorsbaekSample[];
  /** Values by local name (the request's, for an answer): a field of that name answers with them. */
  echo?: Map<string, string[]>;
}

const endsWith = (path: string[], field: string) => {
  const parts = field.split('/');
  return parts.length <= path.length && parts.every((p, i) => path[path.length - parts.length + i] === p);
};

const reached = (f: MessageField, path: string[], samples: KorsbaekSample[]): boolean => {
  const here = [...path, f.name];
  return (
    samples.some((s) => s.values.length > 0 && endsWith(here, s.field)) ||
    (f.fields ?? []).some((c) => reached(c, here, samples))
  );
};

/** A simple field's text as JSON: numbers for the integer and decimal kinds, booleans for boolean, else the string. */
export function jsonScalar(field: MessageField, text: string): unknown {
  const base = builtinOf(field);
  if (base === 'boolean') return text === 'true' || text === '1';
  if (
    /^(int|integer|long|short|byte|decimal|double|float|nonNegativeInteger|positiveInteger|unsigned\w+)$/.test(base)
  ) {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/**
 * A JSON object from a REST message's field tree (import-contract's reading of an OpenAPI schema),
 * the way the SOAP answers are built: every required field; an optional one only when a sample names
 * it or a field below it; an array (`maxOccurs: unbounded`) with one item, or a simple one with the
 * sample's values. A value is the sample's, an echoed one of the same name, or one made from the
 * field's type (`valueFor`, seeded by the field's path so it is the same every time).
 */
export function buildJson(fields: MessageField[], data: JsonData, path: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const here = [...path, f.name];
    const required = (f.minOccurs ?? 1) > 0;
    const many = f.maxOccurs === 'unbounded' || (typeof f.maxOccurs === 'number' && f.maxOccurs > 1);
    if (f.fields !== undefined) {
      if (!required && !reached(f, path, data.samples)) continue;
      const item = buildJson(f.fields, data, here);
      out[f.name] = many ? Array.from({ length: Math.max(f.minOccurs ?? 1, 1) }, () => item) : item;
      continue;
    }
    const declared = data.samples.find((s) => endsWith(here, s.field))?.values;
    const values =
      declared ?? data.echo?.get(f.name) ?? (required ? [valueFor(f, 'sample', here.join('/')) ?? ''] : undefined);
    if (values === undefined || values.length === 0) continue;
    out[f.name] = many ? values.map((v) => jsonScalar(f, v)) : jsonScalar(f, values[0]!);
  }
  return out;
}
