import { writeFile } from 'node:fs/promises';
import { loadCatalog } from '../../catalog/index.ts';
import type { RunDocument, RunEvent } from '../../conformance/framework/index.ts';
import { verifyAndRederive } from './verify-rederive.ts';
import { toHtml, toJunitXml } from '../../conformance/framework/index.ts';
import { runAndAttest } from '../../conformance/runner/index.ts';
import type { ConformanceOptions } from '../../conformance/runner/index.ts';
import type { RecordOutcome } from './sheet-record-run.ts';
import type { Catalog } from '../../catalog/index.ts';
import { loadProfile } from '../../conformance/profile/index.ts';
import { ProfileError } from '../../conformance/profile/index.ts';
import { systemUnderTest } from '../../conformance/profile/index.ts';

export interface TestRunOptions extends Omit<ConformanceOptions, 'onEvent'> {
  junitFile?: string;
  reportFile?: string;
  /** Record each integration's status in the onboarding sheet at this path. */
  sheetFile?: string;
  /**
   * Before recording, trust the key of the embedded platform this run started, under this
   * actor: for the demo, which plays KOMBIT's role for a platform it runs itself. Ignored for a
   * platform given by URL, whose key only KOMBIT can vouch for.
   */
  trustOwnPlatformAs?: string;
  /** Defaults to klarmeld's package version. */
  toolVersion?: string;
  onEvent?: (event: RunEvent) => void;
}

export interface TestRunResult {
  document: RunDocument;
  exitCode: 0 | 1 | 3;
  /** What could not be attested, when the platform would not sign the run. */
  attestationProblem?: string;
  written: string[];
  /** What --record did in the sheet (the events, or why nothing was recorded). */
  recorded?: RecordOutcome;
  withoutSuite: string[];
  /** The run was aborted (Ctrl-C) before it finished: no report was written and nothing recorded. */
  interrupted?: true;
}

/**
 * `klarmeld test` without the terminal: the attested run document, the JUnit and HTML reports,
 * and (with a sheet) the statuses the run earns, by the same rule as `klarmeld sheet record`.
 */
export async function runTest(options: TestRunOptions): Promise<TestRunResult> {
  const catalog = options.catalog ?? (await loadCatalog()).catalog;
  if (options.sheetFile) await refuseRecordOutsideCatalogue(options.profileFile, catalog);
  const { document, attestationProblem, withoutSuite, platformStartedHere } = await runAndAttest({
    ...options,
    catalog,
  });
  const written: string[] = [];
  // An interrupted run ends in errors that say nothing about the system: it is neither reported nor recorded.
  if (options.signal?.aborted)
    return { document, exitCode: document.summary.exitCode, written, withoutSuite, interrupted: true };
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
    // Loaded only to record: the sheet brings exceljs (~0.1 s of every `klarmeld test` start otherwise, issue 15).
    const [{ SheetStore }, { recordRun, trustPlatformKey }] = await Promise.all([
      import('../../conformance/onboarding/index.ts'),
      import('./sheet-record-run.ts'),
    ]);
    const ownKey = platformStartedHere ? document.platform.publicKey : undefined;
    if (options.trustOwnPlatformAs && ownKey) {
      // Adding a key the sheet already trusts changes nothing, so a caller that keeps its platform's
      // signing key (the demo) is trusted once however often it runs.
      trustPlatformKey(options.sheetFile, {
        publicKey: ownKey,
        name: `Embedded platform started by ${options.trustOwnPlatformAs}`,
        addedBy: options.trustOwnPlatformAs,
      });
    }
    const store = SheetStore.open(options.sheetFile);
    try {
      // The sheet records a run only when its verdicts follow from its tapes (issue 13).
      recorded = recordRun(store, catalog, await verifyAndRederive(document, { catalog }));
    } finally {
      store.close();
    }
  }
  return {
    document,
    exitCode: document.summary.exitCode,
    written,
    withoutSuite,
    ...(recorded ? { recorded } : {}),
    ...(attestationProblem ? { attestationProblem } : {}),
  };
}

/**
 * The onboarding sheet tracks the systems KOMBIT's catalogue lists; a run of a system outside it
 * has nothing to record. Said before the run, so the supplier does not wait for a run to learn it.
 */
async function refuseRecordOutsideCatalogue(profileFile: string, catalog: Catalog): Promise<void> {
  const loaded = await loadProfile(profileFile);
  const system = systemUnderTest(catalog, loaded.profile, loaded.file);
  if (system.listed) return;
  throw new ProfileError([
    {
      code: 'profile-not-in-catalogue',
      file: loaded.file,
      field: 'system',
      message: `--record records in the onboarding sheet, which tracks the systems in KOMBIT's catalogue, and ${system.name} (${system.id}) is not one of them. Run without --record: the run document (--json), --junit and --report keep its evidence`,
    },
  ]);
}
