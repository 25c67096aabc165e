import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../catalog/index.ts';
import { suiteTests } from '../framework/index.ts';
import { genericSuitesFor, suitesByIntegration, suitesFor } from './index.ts';

/**
 * The site's Danish pages show the suites' Danish titles (`titleDa`), the English pages and the
 * CLI the English `title`. A title left in English, or copied into `titleDa` untranslated, would
 * show on a Danish page as English.
 */
// Words of English sentences that Danish does not share (so not `for`, `to`, `med`).
const englishWords = /(?<![\w-])(the|and|with|without|is|are|its|a|an|of|in|when|after|every|each)(?![\w-])/i;

let catalog: Catalog;
beforeAll(async () => {
  ({ catalog } = await loadCatalog());
});

describe('every shipped suite, group and test has a Danish title beside the English one', () => {
  it('covers the hand-written suites and a generic suite of each security model', () => {
    const generic = Object.values(genericSuitesFor(catalog));
    expect(Object.keys(suitesByIntegration).length).toBeGreaterThanOrEqual(5);
    const securityTitles = generic.flatMap((s) => suiteTests(s)).filter((t) => t.test.id === 'security');
    // One template for InvocationContext calls, one for token calls: the test below reads both.
    const models = new Set(securityTitles.map((t) => (t.test.title.includes('carries a token') ? 'token' : 'context')));
    expect([...models].sort()).toEqual(['context', 'token']);
  });

  it('gives each a Danish title, and each test one that is not its English title', () => {
    const problems: string[] = [];
    for (const suite of Object.values(suitesFor(catalog))) {
      if (!suite.titleDa?.trim()) problems.push(`suite ${suite.id} has no titleDa`);
      for (const group of suite.groups)
        if (!group.titleDa?.trim()) problems.push(`group ${suite.id}.${group.id} has no titleDa`);
      for (const { id, test } of suiteTests(suite)) {
        if (!test.titleDa?.trim()) problems.push(`test ${id} has no titleDa`);
        else if (test.titleDa === test.title) problems.push(`test ${id}: titleDa is the English title`);
        else if (englishWords.test(test.titleDa))
          problems.push(`test ${id}: titleDa reads as English: ${test.titleDa}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the English titles English (they are what run documents record and verify compares)', () => {
    const tests = Object.values(suitesFor(catalog)).flatMap((s) => suiteTests(s));
    expect(tests.length).toBeGreaterThan(50);
    const notEnglish = tests
      .filter(({ test }) => !englishWords.test(test.title))
      .map(({ id, test }) => `${id}: ${test.title}`);
    // Titles that are only names and codes carry no English word; none of the shipped ones is such.
    expect(notEnglish).toEqual([]);
  });
});
