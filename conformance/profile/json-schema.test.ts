import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema, profileSchemaFile } from './json-schema.ts';

describe('the profile JSON Schema', () => {
  it('matches the zod schema (run "npx node conformance/profile/json-schema.ts" when this fails)', async () => {
    expect(await readFile(profileSchemaFile, 'utf8')).toBe(profileJsonSchema());
  });
});
