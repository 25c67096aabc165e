import { describe, expect, it } from 'vitest';
import { assertCoverage, suiteTests } from '../framework/index.ts';
import { suitesByIntegration } from './index.ts';

describe('the conformance suites', () => {
  for (const [integration, suite] of Object.entries(suitesByIntegration)) {
    it(`${integration}: every SHALL requirement has a test or a written reason, and every test names real requirements`, async () => {
      await assertCoverage(suite);
    });

    it(`${integration}: has at least 8 tests, including error handling`, () => {
      const tests = suiteTests(suite);
      expect(tests.length).toBeGreaterThanOrEqual(8);
      expect(suite.integration).toBe(integration);
    });
  }
});
