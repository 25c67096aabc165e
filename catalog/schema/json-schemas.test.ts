import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles, regenerateCommand } from './json-schemas.ts';

const generatedDir = fileURLToPath(new URL('./generated', import.meta.url));

describe('the generated JSON Schema files', () => {
  it(`match the zod schema (if this fails, run "${regenerateCommand}" and commit the result)`, async () => {
    const expected = jsonSchemaFiles();
    const onDisk = (await readdir(generatedDir)).filter((f) => f.endsWith('.schema.json')).sort();
    expect(onDisk).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) {
      expect(await readFile(`${generatedDir}/${name}`, 'utf8'), `${name} is stale: run "${regenerateCommand}"`).toBe(
        text,
      );
    }
  });

  it('say they are generated and by which command', () => {
    for (const text of Object.values(jsonSchemaFiles())) {
      expect(JSON.parse(text).$comment).toContain(regenerateCommand);
    }
  });

  it('reject an unknown field and describe the fields for the editor', () => {
    const integration = JSON.parse(jsonSchemaFiles()['integration.schema.json']!);
    expect(integration.additionalProperties).toBe(false);
    expect(integration.properties.title.description).toMatch(/Danish title/);
    expect(integration.required).toEqual(expect.arrayContaining(['id', 'title', 'publicInformation', 'sources']));
  });
});
