import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import type { CatalogCheck } from '../services/catalog-check.ts';
import { CatalogCheckView } from './catalog-check.ts';
import { catalogCheckText } from './catalog-check-text.ts';

const check: CatalogCheck = {
  dir: 'catalog/data',
  valid: false,
  errors: 1,
  warnings: 1,
  summary: {
    integrations: 2,
    byPlatform: { Serviceplatformen: 2 },
    byLifecycle: { 'I drift': 2 },
    areas: 1,
    useCases: 2,
    packages: 3,
    suppliers: 1,
    systems: 4,
    municipalities: 98,
    testMunicipalities: 1,
    statuses: 8,
  },
  problems: [
    {
      code: 'KM-CAT-011',
      name: 'unknown-area',
      severity: 'error',
      title: 'Unknown service area',
      file: 'systems.yaml',
      line: 20,
      column: 13,
      path: 'systems[1].areas[0]',
      message: 'The system x lists "Y99" in areas.',
      fix: 'Correct the value.',
    },
    {
      code: 'KM-CAT-027',
      name: 'schema-reference',
      severity: 'warning',
      title: '$schema missing or wrong',
      file: 'suppliers.yaml',
      line: 1,
      column: 1,
      path: '$schema',
      message: 'The file does not name its JSON Schema.',
      fix: 'Start the file with "$schema: ../schema/generated/suppliers.schema.json".',
    },
  ],
};

describe('the catalogue check report', () => {
  it('in a terminal shows the summary, each problem under its file with position, field and fix, and the verdict', () => {
    const frame = renderToString(<CatalogCheckView check={check} />, { columns: 120 });
    expect(frame).toContain('2 integrations (Serviceplatformen 2)');
    expect(frame).toContain('98 municipalities (+1 test), 8 onboarding statuses');
    expect(frame).toMatch(
      /systems\.yaml\n\s+✗ systems\.yaml:20:13 KM-CAT-011 unknown-area at systems\[1\]\.areas\[0\]/,
    );
    expect(frame).toContain('Fix: Correct the value.');
    expect(frame).toContain('✗ 1 error, 1 warning in 2 files.');
  });

  it('as plain text says the same, for CI logs and pipes', () => {
    const text = catalogCheckText(check);
    expect(text).toContain('  2 integrations (Serviceplatformen 2)');
    expect(text).toContain(
      '  ✗ systems.yaml:20:13 KM-CAT-011 unknown-area at systems[1].areas[0]\n      The system x lists "Y99" in areas.\n      Fix: Correct the value.',
    );
    expect(text).toContain('  ! suppliers.yaml:1:1 KM-CAT-027 schema-reference at $schema');
    expect(text.trimEnd().endsWith('✗ 1 error, 1 warning in 2 files.')).toBe(true);
  });
});
