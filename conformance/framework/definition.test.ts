import { describe, expect, it } from 'vitest';
import { defineSuite, type SuiteDefinition } from './definition.ts';

const toy = (titles: { suite?: string; group?: string; test?: string }): SuiteDefinition =>
  ({
    id: 'toy',
    integration: 'SF9999',
    title: 'Toy',
    ...(titles.suite !== undefined && { titleDa: titles.suite }),
    version: '1.0.0',
    requirementsFile: '/nowhere/requirements.yaml',
    groups: [
      {
        id: 'lookup',
        title: 'Looking up',
        ...(titles.group !== undefined && { titleDa: titles.group }),
        tests: [
          {
            id: 'found',
            title: 'Finds a person',
            ...(titles.test !== undefined && { titleDa: titles.test }),
            verifies: ['SF9999-R01'],
            run: () => {},
          },
        ],
      },
    ],
  }) satisfies SuiteDefinition;

describe('defineSuite and Danish titles', () => {
  it('takes a suite with Danish titles, and one without (a toy suite in a test)', () => {
    expect(defineSuite(toy({ suite: 'Legetøj', group: 'Opslag', test: 'Finder en person' })).titleDa).toBe('Legetøj');
    expect(defineSuite(toy({})).titleDa).toBeUndefined();
  });

  it('refuses a blank Danish title, naming each one', () => {
    expect(() => defineSuite(toy({ suite: ' ', group: '', test: '\t' }))).toThrow(
      /suite toy has a blank Danish title[\s\S]*group "lookup" has a blank Danish title[\s\S]*test "toy.lookup.found" has a blank Danish title/,
    );
  });
});
