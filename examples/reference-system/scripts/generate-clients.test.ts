import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClients, generatedDir, listFiles } from './generate-clients.ts';

describe('the reference system’s generated SOAP clients', () => {
  let fresh: string;
  afterAll(() => rm(fresh, { recursive: true, force: true }));

  it('match what wsdl-tsclient makes from the catalogue contracts today (run scripts/generate-clients.ts when this fails)', async () => {
    fresh = await mkdtemp(join(tmpdir(), 'generated-'));
    await generateClients(fresh);
    const committed = await listFiles(generatedDir);
    const regenerated = await listFiles(fresh);
    expect(committed.map((f) => relative(generatedDir, f))).toEqual(regenerated.map((f) => relative(fresh, f)));
    for (const file of regenerated) {
      const twin = join(generatedDir, relative(fresh, file));
      expect(await readFile(twin, 'utf8'), relative(fresh, file)).toBe(await readFile(file, 'utf8'));
    }
  });
});
