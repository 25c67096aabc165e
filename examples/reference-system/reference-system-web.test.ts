import { describe, expect, it } from 'vitest';
import { expectFaultRunCaught, faultRunGroups, faultRunTitle, runReference } from './testing/reference-runs.ts';

describe('the reference system with the web-login suites (klarmeld-web.yaml)', () => {
  it('passes the web-login suites of the integrations klarmeld-web.yaml claims (made from the Context Handler metadata)', async () => {
    const tests = await runReference([], undefined, 'klarmeld-web.yaml');
    const notPassed = tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(new Set(tests.map((t) => t.integration))).toEqual(new Set(['SF1511', 'SF1515']));
    expect(tests).toHaveLength(12);
  }, 60_000);

  for (const faults of faultRunGroups()['web-a']) {
    it(faultRunTitle(faults), () => expectFaultRunCaught(faults), 90_000);
  }
});
