import type { ExampleValue } from './example-values.ts';

/** The parts of a JSON schema (OpenAPI 3) an example body is built from. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  example?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
}

/** A required field the example cannot fill: the caller supplies it. */
export interface MissingField {
  /** The top-level property, which the caller supplies whole. */
  name: string;
  /** Dotted path of the value that is missing (the property itself, or a required field inside it). */
  path: string;
  description?: string;
}

export interface BodyLiteral {
  /** `name: value, // note` lines of an object literal, without the braces. */
  lines: string[];
  missing: MissingField[];
}

/** A TypeScript literal for a JSON value, strings in single quotes as the examples write them. */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsLiteral(k)}: ${tsLiteral(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

type Known = (field: string) => ExampleValue | undefined;
type Filled = { code: string; note?: string } | { missing: string; description?: string };

/** A value for one property: a known test value, the contract's example, enum or default, or an object of such. */
function fill(name: string, schema: JsonSchema, known: Known, path: string, indent: string): Filled {
  const value = known(name);
  if (value) return { code: value.literal, note: value.note };
  if (schema.example !== undefined) return { code: tsLiteral(schema.example), note: "the contract's example" };
  if (schema.enum?.length)
    return { code: tsLiteral(schema.enum[0]), note: `one of ${schema.enum.map((v) => tsLiteral(v)).join(', ')}` };
  if (schema.default !== undefined) return { code: tsLiteral(schema.default), note: "the contract's default" };
  if (schema.properties) {
    const inner = objectLines(schema, known, path, `${indent}  `);
    if (inner.missing.length > 0) return inner.missing[0]!;
    return { code: `{\n${inner.lines.join('\n')}\n${indent}}` };
  }
  if (schema.type === 'array' && schema.items) {
    const item = fill(name, schema.items, known, `${path}[0]`, indent);
    return 'missing' in item ? item : { code: `[${item.code}]`, ...(item.note && { note: item.note }) };
  }
  return { missing: path, ...(schema.description && { description: schema.description }) };
}

function objectLines(
  schema: JsonSchema,
  known: Known,
  prefix: string,
  indent: string,
): { lines: string[]; missing: { missing: string; description?: string; name: string }[] } {
  const lines: string[] = [];
  const missing: { missing: string; description?: string; name: string }[] = [];
  for (const name of schema.required ?? []) {
    const property = schema.properties?.[name] ?? {};
    const path = prefix ? `${prefix}.${name}` : name;
    const filled = fill(name, property, known, path, indent);
    if ('missing' in filled) missing.push({ ...filled, name });
    else lines.push(`${indent}${name}: ${filled.code},${filled.note ? ` // ${filled.note}` : ''}`);
  }
  return { lines, missing };
}

/**
 * The required properties of a request schema as object-literal lines at `indent`, each from
 * Korsbæk's test data (`known`, by field name) or the contract's own example, enum or default;
 * optional properties are left out. A required property nothing fills is returned as missing,
 * never given an invented value.
 */
export function bodyLiteral(schema: JsonSchema, known: Known, indent = '  '): BodyLiteral {
  const { lines, missing } = objectLines(schema, known, '', indent);
  return {
    lines,
    missing: missing.map((m) => ({
      name: m.name,
      path: m.missing,
      ...(m.description && { description: m.description }),
    })),
  };
}
