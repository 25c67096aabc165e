import { writeFile } from 'node:fs/promises';
import { request } from 'undici';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { attestationRequest, buildRunDocument, verifyRun, withAttestation, type RunDocument, type RunEvent } from '../../conformance/framework/index.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { toHtml, toJunitXml } from '../../conformance/framework/reporters/index.ts';
import { runConformance, type ConformanceOptions, type ConformanceRun } from '../../conformance/runner/run-conformance.ts';
import { recordRun, type RecordOutcome } from './sheet-record-run.ts';

export interface TestRunOptions extends Omit<ConformanceOptions, 'onEvent'> {
  junitFile?: string;
  reportFile?: string;
  /** Record each integration's status in the onboarding sheet at this path. */
  sheetFile?: string;
  toolVersion: string;
  onEvent?: (event: RunEvent) => void;
}

export interface TestRunResult {
  document: RunDocument;
  exitCode: 0 | 1 | 3;
  /** What could not be attested, when the platform would not sign the run. */
  attestationProblem?: string;
  written: string[];
  /** What --record wrote into the sheet. */
  recorded?: RecordOutcome;
  withoutSuite: string[];
}

/**
 * `klarmeld test` without the terminal: run the system's suites, build the run document, have
 * the platform attest it, write the JUnit and HTML reports, and record statuses in the sheet.
 */
export async function runTest(options: TestRunOptions): Promise<TestRunResult> {
  const catalog = options.catalog ?? (await loadCatalog()).catalog;
  const run = await runConformance({ ...options, catalog });
  try {
    const publicKey = await fetchText(run, '/.well-known/klarmeld/signing-key');
    let document = buildRunDocument(
      {
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        toolVersion: options.toolVersion,
        profile: { system: run.system.id, file: run.profileFile, target: run.profile.target },
        platform: { ...run.platform, ...(publicKey ? { publicKey } : {}) },
        catalogue: { version: 'working-tree' },
      },
      run.output,
    );
    let attestationProblem: string | undefined;
    if (publicKey) {
      const signed = await attest(run, document);
      if (typeof signed === 'string') attestationProblem = signed;
      else document = signed;
    }
    const written: string[] = [];
    if (options.junitFile) {
      await writeFile(options.junitFile, toJunitXml(document));
      written.push(options.junitFile);
    }
    if (options.reportFile) {
      await writeFile(options.reportFile, toHtml(document));
      written.push(options.reportFile);
    }
    let recorded: RecordOutcome | undefined;
    if (options.sheetFile) {
      const store = SheetStore.open(options.sheetFile);
      try {
        recorded = recordRun(store, catalog, verifyRun(document));
      } finally {
        store.close();
      }
    }
    return {
      document, exitCode: document.summary.exitCode, written, withoutSuite: run.withoutSuite,
      ...(recorded ? { recorded } : {}), ...(attestationProblem ? { attestationProblem } : {}),
    };
  } finally {
    await run.close();
  }
}

async function fetchText(run: ConformanceRun, path: string): Promise<string | undefined> {
  if (run.platform.target !== 'embedded') return undefined;
  try {
    const response = await request(new URL(path, run.platform.url), { dispatcher: run.dispatcher });
    const text = await response.body.text();
    return response.statusCode === 200 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the platform to sign the run; a string says why it did not. */
async function attest(run: ConformanceRun, document: RunDocument): Promise<RunDocument | string> {
  try {
    const response = await request(new URL('/klarmeld/evidence/sign', run.platform.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(attestationRequest(document)),
      dispatcher: run.dispatcher,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) return `The platform did not attest the run (HTTP ${response.statusCode}): ${text.slice(0, 300)}`;
    return withAttestation(document, JSON.parse(text));
  } catch (error) {
    return `The platform did not attest the run: ${(error as Error).message}`;
  }
}
