import { describe, expect, it } from 'vitest';
import { expectFaultRunCaught, faultRunGroups, faultRunTitle, runReference } from './testing/reference-runs.ts';

describe('the reference system with the generic suites (klarmeld-contracts.yaml)', () => {
  it("passes every generic suite of the integrations klarmeld-contracts.yaml claims (made from the catalogue's imported contracts)", async () => {
    const tests = await runReference([], undefined, 'klarmeld-contracts.yaml');
    const notPassed = tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`);
    expect(notPassed).toEqual([]);
    expect(new Set(tests.map((t) => t.integration))).toEqual(
      new Set(['SF1514', 'SF1500', 'SF0101', 'SF1491', 'SF1490', 'SF1510']),
    );
    expect(tests.filter((t) => /^sf(0101|1490|1491|1510)\./.test(t.id)).length).toBeGreaterThanOrEqual(80);
    // The REST operations imported from OpenAPI (AccessTokenDemo, KlassifikationListeHentREST): six checks each, passed.
    const rest = tests.filter((t) => /^sf(0101|1510)\.(accesstokendemo|klassifikationlistehentrest)-/.test(t.id));
    expect(rest.map((t) => `${t.id} ${t.result}`)).toEqual(rest.map((t) => `${t.id} pass`));
    expect(rest).toHaveLength(12);
  }, 60_000);

  for (const faults of faultRunGroups().contracts) {
    it(faultRunTitle(faults), () => expectFaultRunCaught(faults), 90_000);
  }
});
