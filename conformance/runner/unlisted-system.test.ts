import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { systemBinding, verifyRun } from '../framework/index.ts';
import { runAndAttest } from './attested-run.ts';

// The reference system stands in for a supplier's system that KOMBIT's catalogue does not list:
// it does whatever the connection file says, so it works under any it-system. It connects to
// every integration it knows at start, so the profile names them all (SF1514 comes with SF1500).
const referenceMain = fileURLToPath(new URL('../../examples/reference-system/src/main.ts', import.meta.url));

let dir: string;
let catalog: Catalog;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-unlisted-'));
  catalog = (await loadCatalog()).catalog;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a system outside the catalogue', () => {
  it('gets a run of the suites its profile names, under a new it-system that evidence names by the profile', async () => {
    const profile = join(dir, 'klarmeld.yaml');
    await writeFile(
      profile,
      [
        'system:',
        '  id: acme-journal',
        '  name: Acme Journal',
        '  supplier: "12345678"',
        '  integrations:',
        '    - id: SF1520',
        '      operations: [PersonLookup]',
        '    - id: SF1500',
        '    - id: SF1470',
        '    - id: SF1461',
        'start:',
        `  command: \${NODE} ${referenceMain}`,
        '  ready: http://127.0.0.1:${TRIGGER_PORT}/health',
        'trigger:',
        '  url: http://127.0.0.1:${TRIGGER_PORT}/trigger',
        'callbacks:',
        '  beskedfordeler: https://127.0.0.1:${CALLBACK_PORT}/beskedfordeler',
        '',
      ].join('\n'),
    );
    const { document, attestationProblem } = await runAndAttest({ profileFile: profile, catalog });
    expect(attestationProblem).toBeUndefined();
    expect(document.summary.exitCode).toBe(0);
    expect(new Set(document.tests.map((t) => t.id.split('.')[0]))).toEqual(
      new Set(['sf1514', 'sf1520', 'sf1500', 'sf1470', 'sf1461']),
    );
    expect(document.profile.system).toBe('acme-journal');
    const attested = document.attestation!.statement.system;
    expect(attested).toMatchObject({ id: 'acme-journal', name: 'Acme Journal' });
    // Not a UUID of any catalogue system: its exchanges can never count for one.
    expect(catalog.systems.map((s) => s.userSystemUuid)).not.toContain(attested.uuid);
    expect(verifyRun(document, { catalog }).ok).toBe(true);
    expect(systemBinding(document, catalog)).toEqual({ problems: [], catalogue: 'not-in-catalogue' });
  }, 90_000);
});
