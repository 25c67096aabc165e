import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { contractBundleImport } from '../../catalog/test-fixtures/unseen-bundle/import-unseen-bundle.ts';
import { summarise } from '../../conformance/framework/index.ts';
import { runConformance } from '../../conformance/runner/index.ts';

const bundle = fileURLToPath(
  new URL('../../catalog/test-fixtures/unseen-bundle/ParkeringstilladelseService', import.meta.url),
);
const shipped = fileURLToPath(new URL('../../catalog/data', import.meta.url));
const systemDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Issue 12's "no code change" proof for the suites: a bundle no klarmeld code names (Korsbæk's
 * parking permits, brief C's fixture) is imported with import-contract into a temp copy of the
 * catalogue; the run of that catalogue has a generic suite for it, and the reference system, reading
 * the same temp catalogue (KLARMELD_CATALOG), passes it through contract.call.
 */
describe('a contract the code has never seen is tested after import-contract alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-unseen-suite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets a generic suite for its operations, which the reference system passes; a system hiding the data fails it', async () => {
    const data = join(dir, 'data');
    cpSync(shipped, data, { recursive: true });
    contractBundleImport(bundle, data, 'SF9812');
    mkdirSync(join(data, 'samples'), { recursive: true });
    writeFileSync(
      join(data, 'samples', 'SF9812.yaml'),
      'integration: SF9812\nsamples:\n  - { operation: tilladelseHent, field: Tilladelse/Zone, values: [Havnen] }\n',
    );
    const loaded = await loadCatalog(data);
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const profileFile = join(dir, 'klarmeld.yaml');
    writeFileSync(
      profileFile,
      [
        'system: { id: parkering-reference, name: Parkeringssystem, supplier: "99990006", integrations: [{ id: SF9812 }] }',
        `start: { command: "\${NODE} src/main.ts", cwd: ${JSON.stringify(systemDir)}, ready: "http://127.0.0.1:\${TRIGGER_PORT}/health" }`,
        'trigger: { url: "http://127.0.0.1:${TRIGGER_PORT}/trigger" }',
        'callbacks: { beskedfordeler: "https://127.0.0.1:${CALLBACK_PORT}/beskedfordeler" }',
      ].join('\n'),
    );
    const run = async (fault?: string) => {
      const done = await runConformance({
        profileFile,
        catalog: loaded.catalog,
        systemEnv: { KLARMELD_CATALOG: data, ...(fault && { REFERENCE_SYSTEM_FAULT: fault }) },
      });
      await done.close();
      return done.output.tests;
    };
    const tests = await run();
    const sf9812 = tests.filter((t) => t.id.startsWith('sf9812.'));
    expect(sf9812.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'sf9812.platform.agreement-approved',
        'sf9812.parkeringstilladelse-tilladelsehent.valid-request',
        'sf9812.parkeringstilladelse-tilladelsehent.security',
        'sf9812.parkeringstilladelse-tilladelsehent.fault-reported',
        'sf9812.parkeringstilladelse-tilladelsehent.data-shown',
        'sf9812.parkeringstilladelse-tilladelseopret.valid-request',
      ]),
    );
    expect(tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.result} ${t.message ?? ''}`)).toEqual([]);
    expect(summarise(tests)).toMatchObject({ verdict: 'passed', exitCode: 0 });
    const hidden = await run('contract-data-not-shown');
    expect(hidden.filter((t) => t.result === 'fail').map((t) => t.id)).toEqual([
      'sf9812.parkeringstilladelse-tilladelsehent.data-shown',
    ]);
  }, 90_000);
});
