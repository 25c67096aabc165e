import { createHash } from 'node:crypto';
import type { MessageField } from './schema/message.ts';
import { patternSample } from './pattern-sample.ts';

/**
 * Values of a message's simple fields, from the catalogue's description of the field alone (its
 * built-in type, enumeration, patterns and lengths): what the platform's contract module checks a
 * request against and answers with, and what a generic suite sends. No contract file is read.
 */

/** The XSD built-in type a field's value is finally checked as (`string` when unknown). */
export function builtinOf(field: MessageField): string {
  return field.base ?? (builtinTypes.has(field.type) ? field.type : 'string');
}

const builtinTypes = new Set([
  'string',
  'normalizedString',
  'token',
  'boolean',
  'date',
  'dateTime',
  'time',
  'gYear',
  'gYearMonth',
  'int',
  'integer',
  'long',
  'short',
  'byte',
  'decimal',
  'double',
  'float',
  'nonNegativeInteger',
  'positiveInteger',
  'unsignedInt',
  'unsignedLong',
  'unsignedShort',
  'anyURI',
  'base64Binary',
  'hexBinary',
  'duration',
  'NMTOKEN',
  'Name',
  'NCName',
  'ID',
  'language',
  'QName',
]);

/** A field with a value of its own (no child fields): a simple type, or one the import did not expand. */
export const isSimple = (field: MessageField): boolean =>
  field.fields === undefined &&
  (field.base !== undefined ||
    builtinTypes.has(field.type) ||
    field.enumeration !== undefined ||
    field.pattern !== undefined);

const typeShapes: Record<string, { sample: string; fault?: string; check: RegExp }> = {
  // A boolean has no value a real client would not send, so it cannot ask for a fault.
  boolean: { sample: 'true', check: /^(true|false|1|0)$/ },
  date: { sample: '2024-01-02', fault: '1111-11-11', check: /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/ },
  dateTime: {
    sample: '2024-01-02T10:00:00Z',
    fault: '1111-11-11T11:11:11Z',
    check: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  },
  time: { sample: '10:00:00', fault: '11:11:11', check: /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/ },
  gYear: { sample: '2024', fault: '1111', check: /^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$/ },
  gYearMonth: { sample: '2024-01', fault: '1111-11', check: /^-?\d{4,}-\d{2}(Z|[+-]\d{2}:\d{2})?$/ },
  decimal: { sample: '100.00', fault: '1111.11', check: /^[+-]?(\d+(\.\d*)?|\.\d+)$/ },
  double: { sample: '1.5', fault: '1111.11', check: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN)$/ },
  float: { sample: '1.5', fault: '1111.11', check: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN)$/ },
  anyURI: { sample: 'urn:oio:korsbaek:11111111', fault: 'urn:klarmeld:fejl', check: /^\S*$/ },
  base64Binary: { sample: 'S29yc2LDpms=', fault: 'RkVKTA==', check: /^[A-Za-z0-9+/=\s]*$/ },
};
for (const t of [
  'int',
  'integer',
  'long',
  'short',
  'byte',
  'nonNegativeInteger',
  'positiveInteger',
  'unsignedInt',
  'unsignedLong',
  'unsignedShort',
]) {
  typeShapes[t] = { sample: '1', fault: '1111', check: /^[+-]?\d+$/ };
}

/** A deterministic lower-case UUID for a seed (a field's path), so answers are the same every time. */
export function uuidFor(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A value the field accepts. `sample` is an ordinary value (for a UUID pattern a UUID derived from
 * `seed`); `fault` is klarmeld's fault-on-demand value for the field: a value no real client sends
 * by accident (all-f UUIDs, 9s where digits go, 1111-11-11, KLARMELD-FEJL), which the contract
 * module answers with the service's fault. Undefined when no value can be made (an enumeration and
 * a boolean have no fault value; a pattern it cannot read).
 */
export function valueFor(field: MessageField, variant: 'sample' | 'fault', seed = field.name): string | undefined {
  if (field.enumeration?.length) return variant === 'sample' ? field.enumeration[0] : undefined;
  const type = builtinOf(field);
  let value: string | undefined;
  if (field.pattern?.length) {
    const uuid = uuidFor(seed);
    value =
      variant === 'sample' && matchesPattern(field.pattern, uuid)
        ? uuid
        : patternSample(field.pattern[0]!, variant === 'sample' ? 'first' : 'last');
  } else if (typeShapes[type]) value = variant === 'sample' ? typeShapes[type].sample : typeShapes[type].fault;
  else value = variant === 'sample' ? 'Korsbæk' : 'KLARMELD-FEJL';
  if (value === undefined) return undefined;
  if (!typeShapes[type] && !field.pattern?.length) value = fitLength(field, value, variant);
  return problemOf(field, value) === undefined ? value : undefined;
}

function fitLength(field: MessageField, value: string, variant: 'sample' | 'fault'): string {
  const min = field.length ?? field.minLength ?? 0;
  const max = field.length ?? field.maxLength ?? Infinity;
  let v = value.slice(0, max);
  while (v.length < min) v += variant === 'sample' ? 'x' : '9';
  return v;
}

const compiled = new Map<string, RegExp | null>();
function matchesPattern(patterns: string[], value: string): boolean {
  return patterns.some((p) => {
    let re = compiled.get(p);
    if (re === undefined) {
      try {
        re = new RegExp(`^(?:${p})$`, 'u');
      } catch {
        re = null;
      }
      compiled.set(p, re);
    }
    return re === null || re.test(value);
  });
}

/** What is wrong with a value for this field (enumeration, pattern, length, built-in type), or undefined. */
export function problemOf(field: MessageField, value: string): string | undefined {
  if (field.enumeration?.length && !field.enumeration.includes(value.trim()))
    return `"${value}" is not one of ${field.enumeration.join(', ')}`;
  if (field.pattern?.length && !matchesPattern(field.pattern, value))
    return `"${value}" does not match the pattern ${field.pattern.join(' or ')}`;
  const length = [...value].length;
  if (field.length !== undefined && length !== field.length)
    return `"${value}" is ${length} characters long, not ${field.length}`;
  if (field.minLength !== undefined && length < field.minLength)
    return `"${value}" is shorter than ${field.minLength} characters`;
  if (field.maxLength !== undefined && length > field.maxLength)
    return `"${value}" is longer than ${field.maxLength} characters`;
  const shape = typeShapes[builtinOf(field)];
  if (shape && !shape.check.test(value.trim())) return `"${value}" is not a valid ${builtinOf(field)}`;
  return undefined;
}
