/**
 * A further request process of the platform for side-by-side.ts `--processes N`: the same data
 * folder (registry, CA, signing key, exchanges table) and the same port (SO_REUSEPORT, the kernel
 * spreads connections), its own request thread and recorder writer. Answers its parent over IPC:
 * `cpu` → its CPU time so far (µs), `stop` → stops the platform (everything recorded) and exits.
 * Not meant to be run by hand.
 */
import { parseArgs } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { startPlatform } from '../../conformance/platform/server/start-platform.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } } });
const { catalog } = await loadCatalog();
const platform = await startPlatform({
  dataDir: values.data!,
  port: Number(values.port),
  catalog,
  validation: true,
  recording: true,
  reusePort: true,
});
const cpu = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
process.on('message', (message: string) => {
  if (message === 'cpu') process.send!({ cpuUs: cpu() });
  if (message === 'stop')
    void platform
      .stop()
      .then(() => process.send!({ stopped: true, errors: platform.recorder.errors }, () => process.exit(0)));
});
process.send!({ ready: true, cpuUs: cpu() });
