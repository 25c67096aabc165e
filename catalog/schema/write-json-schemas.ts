import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from './json-schemas.ts';

/** Writes catalog/schema/generated/*.schema.json, removing files of kinds that no longer exist. */
export async function writeJsonSchemas(
  dir = fileURLToPath(new URL('./generated', import.meta.url)),
): Promise<string[]> {
  const files = jsonSchemaFiles();
  await mkdir(dir, { recursive: true });
  for (const stale of (await readdir(dir)).filter((f) => f.endsWith('.schema.json') && !(f in files))) {
    await rm(`${dir}/${stale}`);
  }
  for (const [name, text] of Object.entries(files)) await writeFile(`${dir}/${name}`, text);
  return Object.keys(files);
}

// Run as a script by `npm run catalog:schema`; importing the module does nothing.
if (import.meta.main) {
  const written = await writeJsonSchemas();
  process.stdout.write(`Wrote ${written.length} JSON Schema files to catalog/schema/generated/\n`);
}
