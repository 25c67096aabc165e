import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { expectedCatches } from '../../examples/index.ts';
import { faultNames } from '../../examples/index.ts';
import { genericSuitesFor, suitesByIntegration } from './index.ts';

/** The rows of CLAIMS.md's tables: test id and the faults its last column names. */
async function claimRows(): Promise<{ id: string; faults: string[]; last: string }[]> {
  const text = await readFile(new URL('./CLAIMS.md', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| `sf\d{4}\./.test(line))
    .map((line) => {
      const cells = line.split(' | ');
      const last = cells.at(-1)!.replace(/\s*\|\s*$/, '');
      return {
        id: /`([^`]+)`/.exec(cells[0]!)![1]!,
        faults: [...last.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!),
        last,
      };
    });
}

const idsOf = (suites: { id: string; groups: { id: string; tests: { id: string }[] }[] }[]) =>
  suites.flatMap((s) => s.groups.flatMap((g) => g.tests.map((t) => `${s.id}.${g.id}.${t.id}`)));

describe('CLAIMS.md, the table claim → test → fault', () => {
  // The hand-written suites in run order, then the two generic suites the contract faults are proven on, then the web-login suites.
  let allTestIds: string[];
  beforeAll(async () => {
    const generic = genericSuitesFor((await loadCatalog()).catalog);
    allTestIds = [
      ...idsOf(Object.values(suitesByIntegration)),
      ...idsOf([generic.SF0101!, generic.SF1491!]),
      // The web-login suites (the Context Handler's login and logout).
      ...idsOf([generic.SF1511!, generic.SF1515!]),
    ];
  });

  it('lists every test of every suite once, in run order', async () => {
    expect((await claimRows()).map((r) => r.id)).toEqual(allTestIds);
  });

  it('names for each test a reference-system fault that the test is proven to catch, or says why there is none', async () => {
    for (const row of await claimRows()) {
      if (row.faults.length === 0) {
        expect(row.last, row.id).toMatch(/^— \S/);
        continue;
      }
      for (const fault of row.faults) {
        expect(faultNames as readonly string[], `${row.id}: ${fault}`).toContain(fault);
        expect(
          expectedCatches[fault as keyof typeof expectedCatches],
          `${fault} is not proven to fail ${row.id}`,
        ).toContain(row.id);
      }
    }
  });

  it('mentions every fault of the reference system', async () => {
    const named = new Set((await claimRows()).flatMap((r) => r.faults));
    expect(faultNames.filter((f) => !named.has(f))).toEqual([]);
  });
});
