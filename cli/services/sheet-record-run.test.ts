import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/catalog.ts';
import { verifyRun } from '../../conformance/framework/index.ts';
import { sampleRun } from '../../conformance/framework/testing/sample-run.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { testCatalog } from '../../conformance/onboarding/testing/test-catalog.ts';
import { tempDirs } from '../testing/temp-dirs.ts';
import { recordRun } from './sheet-record-run.ts';

let catalog: Catalog;
const temp = tempDirs();
beforeAll(async () => {
  catalog = await testCatalog();
});
async function store() {
  const dir = await temp.make('record-');
  return SheetStore.open(join(dir, 'sheet.sqlite'));
}

describe('recordRun (klarmeld test --record)', () => {
  it('records Klarmeldt with the run as evidence when every SHALL test passed in a verified run', async () => {
    const sheet = await store();
    const { document } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    expect(outcome.verified).toBe(true);
    expect(outcome.events).toEqual([
      expect.objectContaining({
        system: 'jobcenter-plus', integration: 'SF1520', status: 'klarmeldt', source: 'run',
        evidence: expect.objectContaining({ runId: 'run-0001', shallTotal: 2, shallPassed: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      }),
    ]);
    expect(sheet.current()[0]!.status).toBe('klarmeldt');
  });

  it('records Delvist klarmeldt when only some SHALL tests passed', async () => {
    const sheet = await store();
    const { document } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', notFound: 'fail' });
    expect(recordRun(sheet, catalog, verifyRun(document)).events[0]!.status).toBe('delvist-klarmeldt');
  });

  it('records Ikke klarmeldt for a run whose evidence does not verify, and says so', async () => {
    const sheet = await store();
    const { document } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', notFound: 'fail' });
    document.tests[1]!.result = 'pass';
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    expect(outcome.verified).toBe(false);
    expect(outcome.events[0]!.status).toBe('ikke-klarmeldt');
    expect(outcome.problems.join(' ')).toMatch(/edited/);
  });

  it('does not record an integration the system is not required to connect to', async () => {
    const sheet = await store();
    const { document } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1461' });
    const outcome = recordRun(sheet, catalog, verifyRun(document));
    expect(outcome.events).toEqual([]);
    expect(outcome.notRecorded).toEqual([{ integration: 'SF1461', why: 'Jobcenter Plus is not required to connect to SF1461' }]);
  });
});
