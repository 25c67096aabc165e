import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { regenerateRunSchemaCommand, runSchemaText } from './run-schema.ts';
import { sampleRun } from './testing/sample-run.ts';

describe('the published run document JSON Schema', () => {
  it(`matches the zod schema (if this fails, run "${regenerateRunSchemaCommand}" and commit the result)`, async () => {
    const onDisk = await readFile(new URL('./generated/run-document.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(runSchemaText());
  });

  it('describes what a reader needs: ids, results, exchanges with digest and signature', async () => {
    const schema = JSON.parse(runSchemaText());
    const test = schema.properties.tests.items;
    expect(test.properties.result.enum).toEqual(['pass', 'fail', 'error', 'skip', 'omit', 'wait']);
    expect(test.properties.exchanges.items.required).toEqual(['digest', 'signature']);
    expect(schema.required).toEqual(
      expect.arrayContaining(['runId', 'profile', 'platform', 'catalogue', 'suites', 'tests', 'summary']),
    );
    const { document } = await sampleRun();
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(document)));
  });
});
