import type { Message, MessageField } from '../schema/message.ts';
import type { RestParameter } from '../schema/service.ts';
import type { OpenApiParameter, RestOperation } from './read-openapi.ts';

type Schema = Record<string, unknown>;

/**
 * An OpenAPI operation's request body, 200 answer and parameters in the catalogue's shape, the same
 * field trees a WSDL import writes: a JSON object is a field with `fields`, an array a field with
 * `maxOccurs: unbounded` (and its items' fields), a property left out of `required` has
 * `minOccurs: 0`. The element is the schema's name (`x-ref`), the namespace its `xml.namespace` or
 * the document's `x-namespace`. JSON Schema's patterns are anchored (`^…$`); the catalogue's are
 * XSD-style whole-value patterns, so the anchors are removed.
 */
export function restMessages(
  op: RestOperation,
  namespace: string,
): { input?: Message; output?: Message; parameters: RestParameter[] } {
  const json = (content: { mediaType: string; schema?: unknown }[] | undefined) =>
    content?.find((c) => /json/i.test(c.mediaType))?.schema as Schema | undefined;
  const request = json(op.requestBody?.content);
  const answer = json(op.responses.find((r) => r.status === '200' || r.status === '201')?.content);
  return {
    ...(request && { input: messageOf(request, namespace) }),
    ...(answer && { output: messageOf(answer, namespace) }),
    parameters: op.parameters.filter((p) => p.in !== 'cookie').map(parameterOf),
  };
}

function messageOf(schema: Schema, namespace: string): Message {
  const xml = schema.xml as { name?: string; namespace?: string } | undefined;
  return {
    element: String(schema['x-ref'] ?? xml?.name ?? 'body'),
    namespace: xml?.namespace ?? namespace,
    fields: fieldsOf(flatten(schema), []),
  };
}

function parameterOf(p: OpenApiParameter): RestParameter {
  const field = fieldOf(p.name, (p.schema ?? {}) as Schema, true, []);
  return {
    name: p.name,
    in: p.in as RestParameter['in'],
    ...(p.required && { required: true }),
    type: field.type,
    ...(field.base !== undefined && { base: field.base }),
    ...(field.pattern !== undefined && { pattern: field.pattern }),
    ...(field.maxLength !== undefined && { maxLength: field.maxLength }),
  };
}

/** `allOf` merged into one object schema (KOMBIT's error_response and SvarReaktion are written so). */
function flatten(schema: Schema): Schema {
  const parts = (schema.allOf as Schema[] | undefined)?.map(flatten) ?? [];
  if (parts.length === 0) return schema;
  const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {});
  const required = [...new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []))];
  const type =
    parts.find((p) => p.type)?.type ?? schema.type ?? (Object.keys(properties).length ? 'object' : undefined);
  return { ...schema, type, properties, required };
}

function fieldsOf(schema: Schema, seen: string[]): MessageField[] {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, s]) =>
    fieldOf(name, s, required.has(name), seen),
  );
}

const formats: Record<string, string> = {
  date: 'date',
  'date-time': 'dateTime',
  'xs:dateTime': 'dateTime',
  'xs:date': 'date',
  time: 'time',
};

function fieldOf(name: string, raw: Schema, required: boolean, seen: string[]): MessageField {
  const schema = flatten(raw);
  const ref = typeof schema['x-ref'] === 'string' ? schema['x-ref'] : undefined;
  const min = required ? {} : { minOccurs: 0 };
  if (schema.type === 'array') {
    const items = flatten((schema.items ?? {}) as Schema);
    const item = fieldOf(name, items, true, seen);
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const { name: _n, type, minOccurs: _m, fields, ...facets } = item;
    return {
      name,
      type: ref ?? type,
      // A required array is written with one item at least (the tree cannot say "present but empty").
      ...(!required ? { minOccurs: 0 } : minItems > 1 ? { minOccurs: minItems } : {}),
      maxOccurs: 'unbounded',
      ...facets,
      ...(fields && { fields }),
    };
  }
  if (schema.type === 'object' || schema.properties !== undefined || typeof schema.$ref === 'string') {
    // A schema that contains itself keeps its `$ref` where it recurs (read-openapi): it stays a named leaf.
    const recursive = typeof schema.$ref === 'string' || (ref !== undefined && seen.includes(ref));
    return {
      name,
      type:
        ref ??
        String(schema.$ref ?? 'object')
          .split('/')
          .pop()!,
      ...min,
      ...(!recursive && { fields: fieldsOf(schema, ref ? [...seen, ref] : seen) }),
    };
  }
  const base =
    schema.type === 'integer'
      ? 'integer'
      : schema.type === 'number'
        ? 'decimal'
        : schema.type === 'boolean'
          ? 'boolean'
          : (formats[String(schema.format)] ?? 'string');
  const pattern = typeof schema.pattern === 'string' ? schema.pattern.replace(/^\^/, '').replace(/\$$/, '') : undefined;
  return {
    name,
    type: ref ?? base,
    ...(ref !== undefined && { base }),
    ...min,
    ...(Array.isArray(schema.enum) && { enumeration: schema.enum.map(String) }),
    ...(pattern !== undefined && { pattern: [pattern] }),
    ...(typeof schema.minLength === 'number' && { minLength: schema.minLength }),
    ...(typeof schema.maxLength === 'number' && { maxLength: schema.maxLength }),
  };
}
