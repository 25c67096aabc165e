import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validFixture } from '../../catalog/test-fixtures/fixture-copy.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { sampleRun } from '../../conformance/framework/testing/sample-run.ts';
import { klarmeld } from '../testing/klarmeld.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

const temp = tempDirs();
async function setup() {
  const dir = await temp.make('sheet-cmd-');
  const sheet = join(dir, 'sheet.sqlite');
  const sh = (...args: string[]) => klarmeld('sheet', ...args, '--sheet', sheet, '--catalog', validFixture);
  return { dir, sheet, sh };
}

describe('klarmeld sheet', () => {
  it('set refuses a status that needs a reason without one (exit 2), then records it with one', async () => {
    const { sh, sheet } = await setup();
    const refused = await sh('set', 'jobcenter-plus', 'SF1500', 'irrelevant');
    expect(refused.exit).toBe(2);
    expect(refused.stderr).toMatch(/needs a reason/);
    const done = await sh('set', 'jobcenter-plus', 'sf1500', 'irrelevant', '--reason', 'Kommunen efterspørger det ikke', '--actor', 'kombit');
    expect(done.exit).toBe(0);
    expect(done.stdout).toContain('Recorded jobcenter-plus SF1500: irrelevant');
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => [e.integration, e.status, e.actor])).toEqual([['SF1500', 'irrelevant', 'kombit']]);
    store.close();
  });

  it('show prints the matrix with the catalogue statuses and the sheet’s, filtered by supplier, area and status', async () => {
    const { sh } = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'klarmeldt');
    const text = await sh('show');
    expect(text.exit).toBe(0);
    expect(text.stdout).toMatch(/^System\s+SF1500\s+SF1514\s+SF1520/);
    expect(text.stdout).toMatch(/jobcenter-plus\s+K\s+·\s+K/);
    const json = JSON.parse((await sh('show', '--status', 'klarmeldt', '--json')).stdout);
    expect(json.rows.map((r: { system: string }) => r.system)).toEqual(['jobcenter-plus']);
    const cell = json.rows[0].cells.find((c: { integration: string }) => c.integration === 'SF1500');
    expect(cell).toMatchObject({ status: 'klarmeldt', source: 'manual', level: 'mandatory' });
    expect(JSON.parse((await sh('show', '--supplier', '00000000', '--json')).stdout).rows).toEqual([]);
    expect((await sh('show', '--status', 'maybe')).exit).toBe(2);
  });

  it('history and report show each status with its date and source', async () => {
    const { sh } = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'klarmeldt', '--actor', 'kombit');
    expect((await sh('history', 'jobcenter-plus', 'SF1500')).stdout).toMatch(/SF1500\s+1\. Ja \/ Klarmeldt\s+manual\s+kombit/);
    const report = JSON.parse((await sh('report', 'jobcenter-plus', '--json')).stdout);
    expect(report.supplier.cvr).toBe('90000001');
    expect(report.integrations.find((i: { integration: string }) => i.integration === 'SF1500')).toMatchObject({ level: 'mandatory', status: 'klarmeldt', source: 'manual' });
    expect(report.excepted).toEqual([{ integration: 'SF1461', reason: 'Systemet modtager ikke beskeder' }]);
    const text = await sh('report', 'jobcenter-plus');
    expect(text.stdout).toContain('Obligatoriske snitflader (mandatory integrations) (KOMBIT skøn)');
    expect((await sh('report', 'nope')).exit).toBe(2);
  });

  it('export then import changes nothing; a broken workbook is refused whole, naming its cells', async () => {
    const { sh, sheet, dir } = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'klarmeldt');
    const file = join(dir, 'sheet.xlsx');
    expect((await sh('export', '--xlsx', file)).stdout).toMatch(/2 systems × 5 integrations, 1 history events/);
    const again = await sh('import', file);
    expect(again.exit).toBe(0);
    expect(again.stdout).toContain('0 changed');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const matrix = workbook.getWorksheet('Klarmelding')!;
    const header = matrix.getRow(1).values as unknown[];
    matrix.getRow(2).getCell(header.indexOf('SF1514')).value = '1. Ja / Klarmeldt';
    matrix.getRow(3).getCell(header.indexOf('SF1520')).value = 'Vist nok';
    await workbook.xlsx.writeFile(file);
    const broken = await sh('import', file);
    expect(broken.exit).toBe(1);
    expect(broken.stdout).toMatch(/Nothing imported: 1 problem/);
    expect(broken.stdout).toMatch(/Klarmelding!\w+3 \(row 3, column \w+\): "Vist nok" is not a status/);
    const store = SheetStore.open(sheet);
    expect(store.count()).toBe(1);
    store.close();
  });

  it('record adds the statuses a verified run earns under a trusted key, also when pinned with --key; an edited run changes nothing', async () => {
    const { sh, sheet, dir } = await setup();
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    await writeFile(join(dir, 'run.json'), JSON.stringify(document));
    await writeFile(join(dir, 'platform.pem'), keys.publicKeyPem);
    expect((await sh('trust-key', join(dir, 'platform.pem'), '--name', 'KOMBIT klarmeld platform', '--actor', 'kombit')).exit).toBe(0);
    const recorded = await sh('record', join(dir, 'run.json'), '--key', join(dir, 'platform.pem'));
    expect(recorded.exit).toBe(0);
    expect(recorded.stdout).toContain('Recorded jobcenter-plus SF1520: klarmeldt (2/2 SHALL passed, run run-0001)');
    document.tests[0]!.result = 'fail';
    await writeFile(join(dir, 'edited.json'), JSON.stringify(document));
    const refused = await sh('record', join(dir, 'edited.json'));
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toMatch(/Nothing recorded: the run's evidence does not verify[\s\S]*results-edited/);
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => e.status)).toEqual(['klarmeldt']);
    store.close();
  });

  it('record --key with a key the sheet does not trust records Ensidig: anyone can pin their own throwaway key', async () => {
    const { sh, sheet, dir } = await setup();
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    await writeFile(join(dir, 'run.json'), JSON.stringify(document));
    await writeFile(join(dir, 'own.pem'), keys.publicKeyPem);
    const recorded = await sh('record', join(dir, 'run.json'), '--key', join(dir, 'own.pem'));
    expect(recorded.stdout).toContain('Recorded jobcenter-plus SF1520: ensidig');
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => e.status)).toEqual(['ensidig']);
    store.close();
  });

  it('trust-key refuses what is not a platform public key, saying what to give (exit 2), and trusts nothing', async () => {
    const { sh, dir } = await setup();
    const { keys } = await sampleRun();
    await writeFile(join(dir, 'garbage.pem'), 'not a key\n');
    await writeFile(join(dir, 'private.pem'), keys.privateKeyPem);
    const given = (file: string) => sh('trust-key', file, '--name', 'x');
    expect(await given(join(dir, 'garbage.pem'))).toMatchObject({ exit: 2, stderr: expect.stringContaining('is not a public key') });
    expect(await given(join(dir, 'private.pem'))).toMatchObject({ exit: 2, stderr: expect.stringContaining('holds a private key') });
    expect(await given(join(dir, 'missing.pem'))).toMatchObject({ exit: 2, stderr: expect.stringContaining('no such file') });
    expect(await given('abc')).toMatchObject({ exit: 2, stderr: expect.stringContaining('is not a key fingerprint') });
    expect((await sh('trusted-keys')).stdout).toContain('trusts no platform key');
  });

  it('trust-key makes a run signed with that key earn its status; before, the same passes are Ensidig', async () => {
    const { sh, sheet, dir } = await setup();
    const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
    const second = (await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520', keys, runId: 'run-0002' })).document;
    await writeFile(join(dir, 'run-1.json'), JSON.stringify(document));
    await writeFile(join(dir, 'run-2.json'), JSON.stringify(second));
    await writeFile(join(dir, 'platform.pem'), keys.publicKeyPem);
    expect((await sh('trusted-keys')).stdout).toContain('trusts no platform key');
    expect((await sh('record', join(dir, 'run-1.json'))).stdout).toContain('Recorded jobcenter-plus SF1520: ensidig');
    expect(await sh('trust-key', join(dir, 'platform.pem'))).toMatchObject({ exit: 2, stderr: expect.stringContaining('Name the platform') });
    const trusted = await sh('trust-key', join(dir, 'platform.pem'), '--name', 'KOMBIT klarmeld platform', '--actor', 'kombit');
    expect(trusted.exit).toBe(0);
    expect((await sh('trusted-keys')).stdout).toContain('KOMBIT klarmeld platform (added by kombit');
    expect((await sh('record', join(dir, 'run-2.json'))).stdout).toContain('Recorded jobcenter-plus SF1520: klarmeldt');
    expect((await sh('record', join(dir, 'run-2.json'))).stdout).toContain('already in the sheet');
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => e.status)).toEqual(['ensidig', 'klarmeldt']);
    store.close();
  });
});
