import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { summarise, verifyRun } from '../../conformance/framework/index.ts';
import { serverDocumentProblem, serviceExitCode } from './service-document-check.ts';
import { referenceRun, type OpenRun } from './verify-rederive-run.ts';

let catalog: Catalog;
let faulty: OpenRun;

beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
  // SF1520 catches upper-case UUIDs in the exchanges the platform signed.
  faulty = await referenceRun({ catalog, integrations: ['SF1520'], faults: ['upper-case-uuids'] });
}, 120_000);
afterAll(async () => {
  await faulty?.close();
});

it("accepts a server's genuine document, and refuses one whose passes its own tapes contradict though its key signed it", async () => {
  expect(await serverDocumentProblem(faulty.document, catalog)).toBeUndefined();
  const caught = 'sf1520.lookup.lower-case-uuids';
  const tests = faulty.document.tests.map((t) =>
    t.id === caught ? { ...t, result: 'pass' as const, blame: undefined, code: undefined, message: undefined } : t,
  );
  const forged = await faulty.sign({ ...faulty.document, tests, summary: summarise(tests) });
  // The signatures alone (what the CLI checked before) let it through.
  expect(verifyRun(forged, { catalog }).ok).toBe(true);
  const problem = await serverDocumentProblem(forged, catalog);
  expect(problem).toMatch(
    new RegExp(
      `^The server's document does not verify .*verdict-differs: ${caught.replace(/\./g, '\\.')}: the run says pass`,
    ),
  );
  // A document that does not re-derive never passes klarmeld test --service, whatever it says of itself.
  expect(serviceExitCode(0, problem)).toBe(1);
  expect(serviceExitCode(3, problem)).toBe(3);
  expect(serviceExitCode(0, undefined)).toBe(0);
}, 120_000);
