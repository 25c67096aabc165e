import { describe, it } from 'vitest';
import { expectFaultRunCaught, faultRunGroups, faultRunTitle } from './testing/reference-runs.ts';

describe('the reference system with faults in the hand-written suites (second half)', () => {
  for (const faults of faultRunGroups()['suites-b']) {
    it(faultRunTitle(faults), () => expectFaultRunCaught(faults), 90_000);
  }
});
