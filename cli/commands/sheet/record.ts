import { UsageError } from '../../usage-error.ts';
import { readCatalog } from '../read-catalog.ts';
import { printJson, type SheetContext } from './sheet-context.ts';

/** `klarmeld sheet record <run.json>`: the statuses a verified run earns; exit 1 when it did not verify. */
export async function record({ values, rest, sheetPath, args }: SheetContext): Promise<number> {
  args(1, 1, 'one run document, e.g. run.json (from klarmeld test --json)');
  const { verifyRunFile, VerifyInputError } = await import('../../services/verify-run-file.ts');
  const catalog = await readCatalog(values.catalog);
  const report = await verifyRunFile(rest[0]!, { keyFile: values.key, catalog }).catch((error: unknown) => {
    throw error instanceof VerifyInputError ? new UsageError(error.message) : error;
  });
  const { recordRun, RecordError } = await import('../../services/sheet-record-run.ts');
  const { SheetStore, backingOf, backingText } = await import('../../../conformance/onboarding/index.ts');
  const { formatRecorded } = await import('../../ui/test-summary.ts');
  const store = SheetStore.open(sheetPath);
  try {
    let outcome;
    try {
      outcome = recordRun(store, catalog, report, values.actor);
    } catch (error) {
      // A run for a system the catalogue does not know: the user's input, not a crash.
      throw error instanceof RecordError ? new UsageError(error.message) : error;
    }
    if (values.json) printJson({ ...outcome, keySource: report.keySource, keyFingerprint: report.keyFingerprint });
    else if (!outcome.verified && outcome.skipped) process.stderr.write(`${outcome.skipped.message}\n`);
    else {
      for (const e of outcome.events)
        process.stdout.write(
          `Recorded ${e.system} ${e.integration}: ${e.word ?? e.status} (${e.evidence?.shallPassed}/${e.evidence?.shallTotal} SHALL passed, run ${e.evidence?.runId}); belæg: ${backingText(backingOf(e.evidence))}\n`,
        );
      for (const n of outcome.notRecorded) process.stdout.write(`Not recorded ${n.integration}: ${n.why}\n`);
      process.stdout.write(`${formatRecorded(outcome)}\n`);
    }
    return outcome.verified ? 0 : 1;
  } finally {
    store.close();
  }
}
