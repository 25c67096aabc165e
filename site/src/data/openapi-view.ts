import type { OpenApiModel, RestOperation } from '../../../catalog/index.ts';

/** A property of a JSON schema as a row: name, type, whether required. */
export interface PropertyRow {
  name: string;
  type: string;
  required: boolean;
  depth: number;
}

export interface SchemaRows {
  mediaType: string;
  /** The schema's name where it came from a $ref (the reader keeps it as x-ref). */
  name?: string;
  properties: PropertyRow[];
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  'x-ref'?: string;
  format?: string;
  enum?: unknown[];
};

/** How a schema's type reads: string, integer (int64), array of Klasse, Klasse … */
export function schemaType(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.type === 'array') return `array<${schemaType(schema.items)}>`;
  const base = schema['x-ref'] ?? (Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type) ?? 'object';
  return schema.format ? `${base} (${schema.format})` : base;
}

function properties(schema: Schema | undefined, depth: number, out: PropertyRow[]): void {
  const target = schema?.type === 'array' ? schema.items : schema;
  for (const [name, property] of Object.entries(target?.properties ?? {})) {
    if (out.length >= 60) return;
    out.push({ name, type: schemaType(property), required: target?.required?.includes(name) ?? false, depth });
    if (depth < 1) properties(property, depth + 1, out);
  }
}

export function schemaRows(content: { mediaType: string; schema?: unknown }): SchemaRows {
  const schema = content.schema as Schema | undefined;
  const rows: PropertyRow[] = [];
  properties(schema, 0, rows);
  return { mediaType: content.mediaType, ...(schema?.['x-ref'] && { name: schema['x-ref'] }), properties: rows };
}

/** Operations of an OpenAPI document, in document order, ready to render. */
export function restOperations(model: OpenApiModel): (RestOperation & {
  request?: SchemaRows[];
  replies: (RestOperation['responses'][number] & { schemas: SchemaRows[] })[];
})[] {
  return model.operations.map((op) => ({
    ...op,
    ...(op.requestBody && { request: op.requestBody.content.map(schemaRows) }),
    replies: op.responses.map((r) => ({ ...r, schemas: r.content.map(schemaRows) })),
  }));
}
