/**
 * A run judged by its evidence and by its verdicts: the checks of verifyRun (signatures,
 * attestation, system) and then every test of the suites klarmeld ships run again, offline,
 * against the run's tapes (rederiveRun with the replay environment). A run whose verdicts do not
 * follow from what it recorded is not valid, whoever signed it. Here, beside the suites, so that
 * `klarmeld verify`, the sheet and klarmeld server can all call it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { rederiveRun, verifyRun, type VerifyOptions, type VerifyReport } from '../../framework/index.ts';
import { suitesByIntegration } from '../index.ts';
import { replayEnvironment } from './replay-environment.ts';

let replayKey: string | undefined;

/** A key the replayed bodies sign their requests with: they go nowhere, and the system's own key is never in a run. */
function throwawayKey(): string {
  replayKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return replayKey;
}

export async function verifyAndRederive(input: unknown, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report = verifyRun(input, options);
  if (!report.document) return report;
  const key = throwawayKey();
  const rederived = await rederiveRun(report.document, Object.values(suitesByIntegration), (description, tape, records) => replayEnvironment(description, tape, records, key));
  const problems = [...report.problems, ...rederived.problems];
  return { ...report, ok: problems.length === 0, problems, rederived };
}
