import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const klarmeld = fileURLToPath(new URL('../../../bin/klarmeld.js', import.meta.url));
/** The OpenAPI document written for this test in KOMBIT's style (kombit/dokumentation-sandkasse's REST layout). */
export const unseenOpenApi = fileURLToPath(new URL('./BorgerSagListeHentREST.json', import.meta.url));

/**
 * What a person does with a new OpenAPI document, for tests: `klarmeld catalog import-contract
 * <file> --integration <id> --version unnumbered --create --write --dir <data> --entity-id <id>` (the
 * command itself, in a child process), then the fields a contract cannot tell, written by hand as
 * the created file's comment asks. Throws with the command's output when it fails.
 */
export function openApiImport(file: string, dataDir: string, integration: string, entityId: string): void {
  const run = spawnSync(
    process.execPath,
    [klarmeld, 'catalog', 'import-contract', file, '--integration', integration, '--version', 'unnumbered', '--create', '--write', '--dir', dataDir, '--entity-id', entityId],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`import-contract failed (${run.status}): ${run.stdout}${run.stderr}`);
  const path = join(dataDir, 'integrations', `${integration}.yaml`);
  const text = readFileSync(path, 'utf8')
    .replace(/\nversions:\n {2}- services:\n/, '\ntitle: Borgerens sager (test)\npublicInformation: fuld\nsources: [klarmeld test fixture]\nversions:\n  - lifecycle: I drift\n    services:\n')
    .replace(/(\n {6}- name: [^\n]+\n)/, '$1        version: "1"\n');
  writeFileSync(path, text);
}
