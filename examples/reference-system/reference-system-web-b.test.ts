import { describe, it } from 'vitest';
import { expectFaultRunCaught, faultRunGroups, faultRunTitle } from './testing/reference-runs.ts';

describe('the reference system with faults in the web-login suites (second half)', () => {
  for (const faults of faultRunGroups()['web-b']) {
    it(faultRunTitle(faults), () => expectFaultRunCaught(faults), 90_000);
  }
});
