import { z } from 'zod';
import { fileKinds } from '../file-kinds.ts';

/** The command that regenerates the JSON Schema files; named in each file's header. */
export const regenerateCommand = 'npm run catalog:schema';

/**
 * The JSON Schema of every data file kind, as the text written to
 * catalog/schema/generated/<kind>.schema.json. Draft-07, because editors' YAML language
 * servers support it best. Input shapes: fields with defaults are optional to write.
 */
export function jsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const { kind, schema } of Object.values(fileKinds)) {
    const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
    const document = {
      $schema: generated.$schema,
      $comment: `Generated from catalog/schema/*.ts by "${regenerateCommand}". Do not edit: change the zod schema and run the command.`,
      title: `klarmeld catalogue: ${kind}`,
      ...generated,
    };
    files[`${kind}.schema.json`] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return files;
}

/** The relative path a data file's `$schema` should name, from its place in catalog/data/. */
export function schemaReferenceFor(kind: string, inIntegrations: boolean): string {
  return `${inIntegrations ? '../../' : '../'}schema/generated/${kind}.schema.json`;
}
