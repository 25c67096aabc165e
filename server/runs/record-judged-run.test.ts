import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { keyFingerprint } from '../../conformance/evidence/index.ts';
import { sampleRun, type SampleOptions } from '../../conformance/framework/testing/sample-run.ts';
import { testCatalog } from '../../conformance/onboarding/testing/test-catalog.ts';
import { openSqliteServerStore } from '../store/sqlite-server-store.ts';
import type { ServerStore } from '../store/server-store.ts';
import { recordJudgedRun } from './record-judged-run.ts';

let catalog: Catalog;
const temp = tempDirs();
const open: { close: () => unknown }[] = [];
beforeAll(async () => {
  catalog = await testCatalog();
});
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

/** A run signed with the server's key, recorded in a fresh server sheet. */
async function judge(options: SampleOptions) {
  const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', ...options });
  const dir = await temp.make('judged-record-');
  const server: ServerStore = openSqliteServerStore(join(dir, 'server.sqlite'));
  open.push(server);
  const key = { ...keys, fingerprint: keyFingerprint(keys.publicKeyPem) };
  const judged = await recordJudgedRun(server, catalog, document, key, 'klarmeld server');
  return { judged, server, fingerprint: key.fingerprint, runId: document.runId };
}

// The server records by the sheet's rule (runEarnsStatus), so it says what it did not judge in the
// words `klarmeld sheet record` uses (its own copy said "SHALL test(s)" and "skip"), all-omitted included.
it("says what a judged run did not judge in the sheet's words, as klarmeld sheet record does", async () => {
  const { judged } = await judge({ skip: ['sf9999.lookup.not-found'] });
  expect(judged.events).toEqual([]);
  expect(judged.notRecorded).toEqual([
    { integration: 'SF1520', why: '1 SHALL test did not run: sf9999.lookup.not-found (skipped: Needs a trigger hook)' },
  ]);
  const omitted = await judge({ omit: ['sf9999.lookup.person-found', 'sf9999.lookup.not-found'] });
  expect(omitted.judged.notRecorded).toEqual([{ integration: 'SF1520', why: 'no SHALL test of it ran (all omitted)' }]);
});

it("records what a judged run shows, in KOMBIT's word, as a run on a platform KOMBIT trusts", async () => {
  const { judged, server, fingerprint, runId } = await judge({ notFound: 'fail' });
  expect(judged.events).toEqual([
    expect.objectContaining({
      system: 'jobcenter-plus',
      integration: 'SF1520',
      status: 'delvist-klarmeldt',
      word: 'Delvis',
      actor: 'klarmeld server',
      source: 'run',
      evidence: {
        runId,
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        keyFingerprint: fingerprint,
        keyTrusted: true,
        trustedBy: 'sheet',
        shallTotal: 2,
        shallPassed: 1,
        shallPassedWithEvidence: 1,
      },
    }),
  ]);
  expect((await server.currentStatuses()).map((e) => e.status)).toEqual(['delvist-klarmeldt']);
});
