import { z } from 'zod';
import { runDocument } from './run-document.ts';

/** The command that regenerates generated/run-document.schema.json; named in the file's header. */
export const regenerateRunSchemaCommand = 'npx node conformance/framework/write-run-schema.ts';

/** The published JSON Schema of the run document, as the text of the generated file. */
export function runSchemaText(): string {
  const generated = z.toJSONSchema(runDocument, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  const document = {
    $schema: generated.$schema,
    $id: 'https://klarmeld.dev/schema/run-document.schema.json',
    $comment: `Generated from conformance/framework/run-document.ts by "${regenerateRunSchemaCommand}". Do not edit: change the zod schema and run the command.`,
    title: 'klarmeld run document',
    ...generated,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
