import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { profile } from './schema.ts';

/** Where the profile's JSON Schema lives; a klarmeld.yaml names it in `$schema` for editor help. */
export const profileSchemaFile = fileURLToPath(new URL('./generated/klarmeld-profile.schema.json', import.meta.url));

/** The JSON Schema text of klarmeld.yaml, derived from the zod schema (draft-07, input shape). */
export function profileJsonSchema(): string {
  const generated = z.toJSONSchema(profile, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const document = {
    $schema: generated.$schema,
    $comment:
      'Generated from conformance/profile/schema.ts by "npx node conformance/profile/json-schema.ts". Do not edit.',
    title: 'klarmeld system profile (klarmeld.yaml)',
    ...generated,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// Run as a script to regenerate; importing the module does nothing.
if (import.meta.main) {
  await writeFile(profileSchemaFile, profileJsonSchema());
  process.stdout.write(`Wrote ${profileSchemaFile}\n`);
}
