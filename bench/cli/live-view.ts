/**
 * What the live view (ink, in a terminal) costs a run: `klarmeld test` on the reference system
 * in a pseudo-terminal (util-linux `script`) and with stdout piped, alternately, several times
 * each; prints each wall time and the medians. Goal (issue 14): the terminal run at most 10 %
 * slower than the piped one.
 *
 *   npx node bench/cli/live-view.ts [runs per mode, default 3]
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const command = `node bin/klarmeld.js test --profile examples/reference-system/klarmeld.yaml`;
// CI=… makes ink write only the final frame, as without a terminal: the bench must see the live view.
const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '1' };
delete env.CI;
delete env.CONTINUOUS_INTEGRATION;

function once(mode: 'terminal' | 'piped'): { ms: number; status: number | null; live: boolean } {
  const started = performance.now();
  const result =
    mode === 'terminal'
      ? // A 120 × 40 terminal, as a user's; the run's output goes to the pseudo-terminal, which script copies to our pipe.
        spawnSync('script', ['-qfec', `stty cols 120 rows 40; ${command}`, '/dev/null'], {
          cwd: root,
          env,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawnSync(process.execPath, command.split(' ').slice(1), { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  // ink moves the cursor up to redraw its frame: proof that the live view ran.
  if (result.status !== 0)
    console.log(
      `  ${mode} run exited ${result.status}; its output ends:\n${(result.stdout + result.stderr).slice(-600)}`,
    );
  return { ms, status: result.status, live: /\x1b\[\d*A/.test(result.stdout) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const walls = { terminal: [] as number[], piped: [] as number[] };
for (let i = 0; i < runs; i++) {
  for (const mode of ['terminal', 'piped'] as const) {
    const { ms, status, live } = once(mode);
    walls[mode].push(ms);
    console.log(
      `${mode.padEnd(8)} run ${i + 1}: ${(ms / 1000).toFixed(2)} s, exit ${status}${mode === 'terminal' ? `, live view ${live ? 'drawn' : 'NOT drawn'}` : ''}`,
    );
  }
}
const [t, p] = [median(walls.terminal), median(walls.piped)];
console.log(
  `median terminal ${(t / 1000).toFixed(2)} s, piped ${(p / 1000).toFixed(2)} s: the live view costs ${(((t - p) / p) * 100).toFixed(1)} % (goal ≤ 10 %)`,
);
console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, Node ${process.version}`,
);
