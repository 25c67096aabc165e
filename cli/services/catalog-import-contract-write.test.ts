import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OFFICIAL, official } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { importContract } from './catalog-import-contract.ts';
import { importIntoCatalogue } from './catalog-import-contract-write.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(repo, 'catalog/test-fixtures/import');
const statusBundle = join(fixtures, 'status-bundle');
const temp = tempDirs();

/** A temp catalogue holding one integration file (a fixture or a shipped one); returns the file. */
async function catalogueWith(
  from: string,
  integration: string,
): Promise<{ dir: string; file: string; before: string }> {
  const dir = await temp.make('klarmeld-import-');
  mkdirSync(join(dir, 'integrations'));
  const file = join(dir, 'integrations', `${integration}.yaml`);
  cpSync(from, file);
  return { dir, file, before: readFileSync(file, 'utf8') };
}

/** The lines that differ: what `before` loses and `after` gains between their common first and last lines. */
function changedLines(before: string, after: string): { from: number; removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from: head + 1, removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const klarmeld = (...args: string[]) =>
  spawnSync(process.execPath, [join(repo, 'bin/klarmeld.js'), 'catalog', 'import-contract', ...args], {
    encoding: 'utf8',
    cwd: repo,
  });

describe('importing a bundle whose soapActions are empty and whose service has another name (issue 10)', () => {
  it('updates the service it is (by endpoint path and ServiceUUID), adds only what it reports, and leaves the other service alone', async () => {
    const { dir, file, before } = await catalogueWith(join(fixtures, 'SF9901.yaml'), 'SF9901');
    const { changes } = importIntoCatalogue(dir, 'SF9901', '1.0', importContract(statusBundle), true);
    expect(changes).toEqual([
      expect.objectContaining({
        service: 'Status',
        from: 'StatusForespoergselService',
        action: 'updated',
        matchedBy: ['endpoint path', 'ServiceUUID', 'operation names'],
        added: ['spoergHistorik'],
        kept: [],
        removed: [],
        changed: [],
        renamed: [],
        messages: ['spoerg'],
        filled: ['entityId', 'endpoints.local'],
      }),
    ]);
    const filledIn = readFileSync(file, 'utf8');
    // The entity ID of service.properties and the contract's path are written where the file had none; the rest of the entry stays.
    expect(parse(filledIn).versions[0].services[1]).toMatchObject({
      entityId: 'http://entityid.example.invalid/service/SP/Status/1',
      endpoints: {
        local: '/service/SP/Status/1',
        externalTest: 'https://exttest.serviceplatformen.dk/service/SP/Status/1',
      },
    });
    expect(filledIn).toContain('        sources: [ "klarmeld test fixture" ]   # trailing comment\n');
    const after = filledIn
      .replace(
        /        endpoints:\n.*\n.*\n/,
        '        endpoints:\n          externalTest: https://exttest.serviceplatformen.dk/service/SP/Status/1\n',
      )
      .replace(/        entityId: .*\n/, '');
    const diff = changedLines(before, after);
    // Apart from them, only lines inside Status's operations, after its hand-written description, are new; none go.
    expect(diff.removed).toEqual([]);
    expect(before.split('\n')[diff.from - 2]).toBe('            description: Spørg til en forsendelses status.');
    expect(diff.added[0]).toBe('            input:');
    expect(diff.added.filter((l) => !l.startsWith('            '))).toEqual(['          - name: spoergHistorik']);
    const data = parse(after);
    const [meddelelse, status] = data.versions[0].services;
    expect(meddelelse.operations).toEqual([{ name: 'afsend' }, { name: 'hent' }, { name: 'slet' }]);
    expect(data.versions[0].services).toHaveLength(2);
    expect(status.operations.map((o: { name: string }) => o.name)).toEqual(['spoerg', 'spoergHistorik']);
    expect(status.operations[0]).not.toHaveProperty('soapAction');
    expect(status.operations[0].input).toMatchObject({
      element: 'SpoergRequest',
      namespace: 'http://serviceplatformen.dk/xml/wsdl/soap11/SP/Status/1/',
    });
  });

  it('says "(no soapAction)" for such operations, never "undefined"', async () => {
    const { dir } = await catalogueWith(join(fixtures, 'SF9901.yaml'), 'SF9901');
    const r = klarmeld(statusBundle, '--integration', 'SF9901', '--version', '1.0', '--dir', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/spoerg +\(no soapAction\)/);
    expect(r.stdout).toContain(
      'Status from StatusForespoergselService: updated, matched by endpoint path, ServiceUUID, operation names (+ spoergHistorik; messages of spoerg; filled in entityId, endpoints.local)',
    );
    expect(r.stdout).not.toContain('undefined');
  });

  it('keeps operations the contract lacks and names them; --remove-missing removes them and says so', async () => {
    const { dir, file, before } = await catalogueWith(join(fixtures, 'SF9901.yaml'), 'SF9901');
    writeFileSync(
      file,
      before.replace(
        '            description: Spørg til en forsendelses status.\n',
        '$&          - { name: annuller }\n',
      ),
    );
    const kept = klarmeld(
      statusBundle,
      '--integration',
      'SF9901',
      '--version',
      '1.0',
      '--dir',
      dir,
      '--write',
      '--json',
    );
    expect(JSON.parse(kept.stdout).changes[0]).toMatchObject({ service: 'Status', kept: ['annuller'], removed: [] });
    expect(
      parse(readFileSync(file, 'utf8')).versions[0].services[1].operations.map((o: { name: string }) => o.name),
    ).toEqual(['spoerg', 'annuller', 'spoergHistorik']);
    const removed = klarmeld(
      statusBundle,
      '--integration',
      'SF9901',
      '--version',
      '1.0',
      '--dir',
      dir,
      '--write',
      '--remove-missing',
    );
    expect(removed.stdout).toContain('- annuller (removed: --remove-missing)');
    expect(
      parse(readFileSync(file, 'utf8')).versions[0].services[1].operations.map((o: { name: string }) => o.name),
    ).toEqual(['spoerg', 'spoergHistorik']);
  });
});

describe('--write leaves everything but the imported service byte for byte as written', () => {
  it('SF1500: importing Bruger into a stale file changes only the lines of Bruger’s operations (folded purpose and notes, flow lists, quoting and the other 15 services untouched)', async () => {
    const {
      dir,
      file,
      before: shipped,
    } = await catalogueWith(join(repo, 'catalog/data/integrations/SF1500.yaml'), 'SF1500');
    // A stale catalogue: Bruger lost an operation.
    const before = shipped.replace(
      '          - { name: laes, soapAction: "http://kombit.dk/sts/organisation/bruger/laes" }\n',
      '',
    );
    writeFileSync(file, before);
    const { changes } = importIntoCatalogue(
      dir,
      'SF1500',
      '3.1',
      importContract(official(OFFICIAL.sf1500Wsdl('Bruger'))),
      true,
    );
    expect(changes).toEqual([
      expect.objectContaining({
        service: 'Bruger',
        action: 'updated',
        matchedBy: ['operations', 'name'],
        added: ['laes'],
        kept: [],
        messages: expect.arrayContaining(['soeg', 'list']),
      }),
    ]);
    const after = readFileSync(file, 'utf8');
    const { from, removed } = changedLines(before, after);
    const lines = before.split('\n');
    const operationsLine =
      lines.findIndex((l, i) => l === '        operations:' && lines.slice(0, i).includes('      - name: Bruger')) + 1;
    const endpointsLine = lines.findIndex((l, i) => i >= operationsLine && l === '        endpoints:') + 1;
    expect(from).toBeGreaterThan(operationsLine);
    expect(from + removed.length).toBeLessThanOrEqual(endpointsLine);
    expect(after.slice(0, after.indexOf('      - name: Bruger'))).toBe(
      before.slice(0, before.indexOf('      - name: Bruger')),
    );
    expect(after.slice(after.indexOf('      - name: Interessefaellesskab'))).toBe(
      before.slice(before.indexOf('      - name: Interessefaellesskab')),
    );
  });
});
