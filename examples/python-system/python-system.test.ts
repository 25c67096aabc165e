import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { runAndAttest } from '../../conformance/runner/index.ts';

const profile = fileURLToPath(new URL('./klarmeld.yaml', import.meta.url));

describe('the Python example system', () => {
  it('passes every SF1520 test as the system its own profile describes (the site shows both)', async () => {
    const { catalog } = await loadCatalog();
    const { document } = await runAndAttest({ profileFile: profile, catalog });
    expect(document.tests.filter((t) => t.result !== 'pass').map((t) => `${t.id}: ${t.message ?? ''}`)).toEqual([]);
    expect(document.tests.map((t) => t.id)).toContain('sf1520.faults.retry-after-dropped-connection');
    expect(document.summary.exitCode).toBe(0);
    expect(document.attestation?.statement.system).toMatchObject({ id: 'acme-journal', name: 'Acme Journal' });
  }, 60_000);
});
