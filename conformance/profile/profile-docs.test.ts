import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { triggerActionNames, triggerActions } from './actions.ts';
import { profile } from './schema.ts';

/**
 * The site's "Testing your system" page is where suppliers read the contract: every field of the
 * profile and every trigger action with its parameters must be on it, in both languages, so a
 * field added to the schema without a word for suppliers fails here.
 */
const pages = {
  da: fileURLToPath(new URL('../../site/src/content/docs/guider/tester-dit-system.md', import.meta.url)),
  en: fileURLToPath(new URL('../../site/src/content/docs/en/guider/tester-dit-system.md', import.meta.url)),
};

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
};

/** Every field path of the profile, arrays written `[]`: system.integrations[].operations. */
function fieldPaths(schema: JsonSchema, prefix = ''): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, value]) => [
    `${prefix}${key}`,
    ...fieldPaths(value, `${prefix}${key}.`),
  ]);
  const nested = [...(schema.anyOf ?? []), ...(schema.allOf ?? [])].flatMap((s) => fieldPaths(s, prefix));
  const items = schema.items ? fieldPaths(schema.items, `${prefix.replace(/\.$/, '')}[].`) : [];
  return [...new Set([...own, ...nested, ...items])];
}

/** The parameter names of an action (a union lists each branch's). */
function paramsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap(paramsOf))];
  return [];
}

describe('the "Testing your system" page', () => {
  const all = fieldPaths(z.toJSONSchema(profile, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  // The fields a supplier writes a value into; a section (start, trigger …) is named by its fields.
  const fields = all.filter(
    (field) =>
      field === 'system' || !all.some((other) => other.startsWith(`${field}.`) || other.startsWith(`${field}[]`)),
  );

  it('knows the profile has nested fields to document', () => {
    expect(fields).toEqual(
      expect.arrayContaining(['system.integrations[].operations', 'start.ready', 'callbacks.beskedfordeler']),
    );
  });

  for (const [language, file] of Object.entries(pages)) {
    it(`names every profile field and every trigger action with its parameters (${language})`, async () => {
      const text = await readFile(file, 'utf8');
      expect(fields.filter((field) => !text.includes(`\`${field}\``))).toEqual([]);
      for (const action of triggerActionNames) {
        const row = text.split('\n').find((line) => line.startsWith(`| \`${action}\` |`));
        expect(row, `${action} has no row in the actions table`).toBeDefined();
        expect(
          paramsOf(triggerActions[action]).filter((param) => !row!.includes(`\`${param}\``)),
          action,
        ).toEqual([]);
      }
      expect(text).toContain('`person-not-found`');
      expect(text).toContain('`unsupported-action`');
      expect(text).toContain('KLARMELD_CONNECTION');
    });
  }
});
