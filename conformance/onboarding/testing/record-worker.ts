/**
 * A recorder process for the concurrency and crash tests and the bench: opens the sheet given
 * as argv[2] and appends `batches` × `size` events, each batch in one transaction, as a
 * conformance run would (one event per integration). Prints "batch <n>" after each commit.
 * With a run id as argv[6], every batch is that one run, recorded with `appendRun` (which
 * records a run once); it prints "recorded" or "already recorded" per batch.
 *   node record-worker.ts <sheet> <system> <batches> <size> [run-id]
 */
import { SheetStore } from '../sheet-store.ts';

const [sheet, system, batches = '1', size = '5', sameRun] = process.argv.slice(2);
const store = SheetStore.open(sheet!);
for (let batch = 0; batch < Number(batches); batch++) {
  const runId = sameRun ?? `${system}-run-${batch}`;
  const events = Array.from({ length: Number(size) }, (_, i) => ({
    system: system!,
    integration: `SF${1000 + i}`,
    status: i % 2 === 0 ? 'klarmeldt' : 'delvist-klarmeldt',
    actor: `recorder ${process.pid}`,
    source: 'run' as const,
    evidence: { runId, digest: 'a'.repeat(64), shallTotal: 8, shallPassed: i % 2 === 0 ? 8 : 4 },
  }));
  if (sameRun) process.stdout.write('appended' in store.appendRun(runId, events) ? 'recorded\n' : 'already recorded\n');
  else store.append(events);
  process.stdout.write(`batch ${batch}\n`);
}
store.close();
