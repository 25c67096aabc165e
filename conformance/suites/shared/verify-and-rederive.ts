/**
 * A run judged by its evidence and by its verdicts: the checks of verifyRun (signatures,
 * attestation, system) and then every test of the suites klarmeld ships run again, offline,
 * against the run's tapes (rederiveRun with the replay environment). A run whose verdicts do not
 * follow from what it recorded is not valid, whoever signed it. Here, beside the suites, so that
 * `klarmeld verify`, the sheet and klarmeld server can all call it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { rederiveRun, verifyRun, type VerifyOptions, type VerifyReport } from '../../framework/index.ts';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { suitesByIntegration, suitesFor } from '../index.ts';
import { replayEnvironment } from './replay-environment.ts';

let replayKey: string | undefined;

/**
 * A key the replayed bodies sign their requests with: they go nowhere, and the system's own key
 * is never in a run. 1024 bits: nothing verifies these signatures, and a 2048-bit key takes
 * about half a second to make on a busy machine, most of what a replay costs.
 */
function throwawayKey(): string {
  replayKey ??= generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return replayKey;
}

/**
 * `catalog` (else `options.catalog`, which also binds the run): the catalogue whose generic suites
 * (issue 12) the run may hold; default the shipped one, read only when the run has a suite that is
 * not hand-written. Verifying against one catalogue and replaying another's suites would be wrong.
 */
export async function verifyAndRederive(
  input: unknown,
  options: VerifyOptions = {},
  catalog?: Catalog,
): Promise<VerifyReport> {
  const report = verifyRun(input, options);
  if (!report.document) return report;
  const key = throwawayKey();
  const handWritten = new Set(Object.values(suitesByIntegration).map((s) => s.id));
  const needsCatalogue = report.document.suites.some((s) => !handWritten.has(s.id));
  const suites = needsCatalogue
    ? suitesFor(catalog ?? options.catalog ?? (await loadCatalog()).catalog)
    : suitesByIntegration;
  // A generic suite's groups are operations, which a profile may leave out (declaredOperations); a hand-written suite runs whole.
  const rederived = await rederiveRun(
    report.document,
    Object.values(suites),
    (description, tape, records) => replayEnvironment(description, tape, records, key),
    {
      omitsGroups: (suiteId) => !handWritten.has(suiteId),
    },
  );
  const problems = [...report.problems, ...rederived.problems];
  return { ...report, ok: problems.length === 0, problems, rederived };
}
