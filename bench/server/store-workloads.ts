/** The two write loads of the store bench, each on a back end's fresh connections so their CPU can be told apart. */
import { performance } from 'node:perf_hooks';
import type { NewStatusEvent } from '../../conformance/onboarding/index.ts';
import { sampleExchange } from './exchange-writers.ts';
import type { Backend } from './store-backends.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** CPU time in µs of this process plus the back end's own server, if it has one. */
const cpuNow = (backend: Backend) => {
  const own = process.cpuUsage();
  return own.user + own.system + (backend.serverCpuUs?.() ?? 0);
};

export async function measureSheet(backend: Backend, load: { recorders: number; runs: number; events: number }) {
  const sheet = await backend.sheet();
  const latencies: number[] = [];
  const cpu = cpuNow(backend);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.recorders }, async (_, r) => {
      for (let i = 0; i < load.runs; i++) {
        const runId = `run-${r}-${i}`;
        const events = Array.from({ length: load.events }, (_, k): NewStatusEvent => ({
          system: `system-${r}`,
          integration: `SF15${k}0`,
          status: 'klarmeldt',
          actor: 'server',
          source: 'run',
          evidence: { runId, digest: 'd'.repeat(64), shallTotal: 8, shallPassed: 8 },
        }));
        const t = performance.now();
        await sheet.appendRunEvents(runId, events);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = (await sheet.sheetHistory()).length;
  await sheet.done();
  const total = load.recorders * load.runs * load.events;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuUs: (cpuNow(backend) - cpu) / total,
    stored,
  };
}

export async function measureRecorder(backend: Backend, load: { exchanges: number; batch: number }) {
  const recorder = await backend.recorder();
  const cpu = cpuNow(backend);
  const started = performance.now();
  for (let done = 0; done < load.exchanges; done += load.batch) {
    await recorder.write(
      Array.from({ length: Math.min(load.batch, load.exchanges - done) }, (_, i) =>
        sampleExchange(`system-${(done + i) % 50}`),
      ),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await recorder.done();
  return { perSecond: load.exchanges / seconds, cpuUs: (cpuNow(backend) - cpu) / load.exchanges };
}
