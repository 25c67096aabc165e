import { describe, it } from 'vitest';
import { expectFaultRunCaught, faultRunGroups, faultRunTitle } from './testing/reference-runs.ts';

describe('the reference system with faults in the hand-written suites (first half)', () => {
  for (const faults of faultRunGroups()['suites-a']) {
    it(faultRunTitle(faults), () => expectFaultRunCaught(faults), 90_000);
  }
});
