/**
 * For tests: JSON Schema (the OpenAPI 3.0 subset KOMBIT's documents use) checked straight from the
 * official document, independent of the catalogue's derived trees and of the platform's own check:
 * `$ref` (local), `allOf`, `oneOf`, `anyOf`, `not`, `type`, `properties`, `required`, `items`,
 * `minItems`, `pattern`, `maxLength`, `minLength`, `minimum`, `maximum`, `enum`, `format` date and
 * date-time. Returns the problems as `path: what`, empty when the value is valid.
 */
export function jsonSchemaProblems(doc: unknown, schema: unknown, value: unknown, path = '$'): string[] {
  const s = resolve(doc, schema);
  const problems: string[] = [];
  const add = (what: string) => problems.push(`${path}: ${what}`);
  for (const part of (s.allOf as unknown[] | undefined) ?? [])
    problems.push(...jsonSchemaProblems(doc, part, value, path));
  if (Array.isArray(s.oneOf)) {
    const passing = s.oneOf.filter((o) => jsonSchemaProblems(doc, o, value, path).length === 0).length;
    if (passing !== 1) add(`matches ${passing} of oneOf's ${s.oneOf.length} schemas, not exactly one`);
  }
  if (Array.isArray(s.anyOf) && !s.anyOf.some((o) => jsonSchemaProblems(doc, o, value, path).length === 0))
    add('matches none of anyOf');
  if (s.not !== undefined && jsonSchemaProblems(doc, s.not, value, path).length === 0) add('matches the schema of not');
  const type = s.type as string | undefined;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (type !== undefined) {
    const ok = type === 'integer' ? Number.isInteger(value) : type === actual;
    if (!ok) {
      add(`is ${actual}, not ${type}`);
      return problems;
    }
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value)) add(`is not one of ${JSON.stringify(s.enum)}`);
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of (s.required as string[] | undefined) ?? []) if (!(name in object)) add(`lacks required ${name}`);
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>))
      if (name in object) problems.push(...jsonSchemaProblems(doc, sub, object[name], `${path}.${name}`));
  }
  if (actual === 'array') {
    const items = value as unknown[];
    if (typeof s.minItems === 'number' && items.length < s.minItems)
      add(`has ${items.length} items, fewer than ${s.minItems}`);
    if (s.items !== undefined)
      items.forEach((item, i) => problems.push(...jsonSchemaProblems(doc, s.items, item, `${path}[${i}]`)));
  }
  if (actual === 'string') {
    const text = value as string;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(text))
      add(`"${text}" does not match ${s.pattern}`);
    if (typeof s.maxLength === 'number' && [...text].length > s.maxLength) add(`is longer than ${s.maxLength}`);
    if (typeof s.minLength === 'number' && [...text].length < s.minLength) add(`is shorter than ${s.minLength}`);
    if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) add(`"${text}" is not a date`);
    if (s.format === 'date-time' && Number.isNaN(Date.parse(text))) add(`"${text}" is not a date-time`);
  }
  if (actual === 'number') {
    if (typeof s.minimum === 'number' && (value as number) < s.minimum) add(`is below ${s.minimum}`);
    if (typeof s.maximum === 'number' && (value as number) > s.maximum) add(`is above ${s.maximum}`);
  }
  return problems;
}

function resolve(doc: unknown, schema: unknown): Record<string, unknown> {
  let s = (schema ?? {}) as Record<string, unknown>;
  for (let hops = 0; typeof s.$ref === 'string' && hops < 20; hops += 1) {
    s = String(s.$ref)
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc) as Record<string, unknown>;
  }
  return s;
}
