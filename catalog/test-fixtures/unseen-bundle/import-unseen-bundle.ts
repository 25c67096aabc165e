import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const klarmeld = fileURLToPath(new URL('../../../bin/klarmeld.js', import.meta.url));

/**
 * What a person does with a new official bundle, for tests: `klarmeld catalog import-contract
 * <bundle> --integration <id> --version unnumbered --create --depth 8 --write --dir <data>` (the
 * command itself, in a child process), then the four fields a contract cannot tell, written by
 * hand as the created file's comment asks. Throws with the command's output when it fails.
 */
export function contractBundleImport(bundle: string, dataDir: string, integration: string): void {
  const run = spawnSync(process.execPath, [klarmeld, 'catalog', 'import-contract', bundle, '--integration', integration, '--version', 'unnumbered', '--create', '--depth', '8', '--write', '--dir', dataDir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`import-contract failed (${run.status}): ${run.stdout}${run.stderr}`);
  const file = join(dataDir, 'integrations', `${integration}.yaml`);
  const text = readFileSync(file, 'utf8')
    .replace(/\nversions:\n {2}- services:\n/, '\ntitle: Parkeringstilladelser (test)\npublicInformation: fuld\nsources: [klarmeld test fixture]\nversions:\n  - lifecycle: I drift\n    services:\n');
  writeFileSync(file, text);
}
