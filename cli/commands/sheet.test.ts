import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RunDocument } from '../../conformance/framework/index.ts';
import { referenceRun } from '../services/verify-rederive-run.ts';
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { copyValidFixture } from '../../catalog/test-fixtures/fixture-copy.ts';
import { SheetStore } from '../../conformance/onboarding/index.ts';
import { sampleRun } from '../../conformance/framework/testing/sample-run.ts';
import { klarmeld } from '../testing/klarmeld.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { seedRows, writeKombitWorkbook } from '../../conformance/onboarding/testing/kombit-sheet-fixture.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';

const temp = tempDirs();
const vocabulary = fileURLToPath(new URL('../../catalog/data/onboarding-statuses.yaml', import.meta.url));
/** The small valid catalogue with KOMBIT's vocabulary (catalog/data/onboarding-statuses.yaml). */
async function setup() {
  const dir = await temp.make('sheet-cmd-');
  const sheet = join(dir, 'sheet.sqlite');
  const catalog = await copyValidFixture();
  await copyFile(vocabulary, join(catalog, 'onboarding-statuses.yaml'));
  const sh = (...args: string[]) => klarmeld('sheet', ...args, '--sheet', sheet, '--catalog', catalog);
  return { dir, sheet, sh };
}

/**
 * The sheet records a run only when klarmeld's own suites, replayed on the run's tapes, come to
 * its verdicts: the record tests use a genuine run of the reference system's SF1520 with the
 * shipped catalogue, and the same run signed again by its platform as run-0002.
 */
let genuine: Promise<{ first: RunDocument; second: RunDocument }> | undefined;
function genuineRuns() {
  genuine ??= (async () => {
    const run = await referenceRun({ catalog: (await loadCatalog()).catalog, integrations: ['SF1520'] });
    try {
      return { first: run.document, second: await run.sign({ ...run.document, runId: 'run-0002' }) };
    } finally {
      await run.close();
    }
  })();
  return genuine;
}

/** A sheet over the shipped catalogue, which lists the reference system. */
async function shippedSetup() {
  const dir = await temp.make('sheet-cmd-');
  const sheet = join(dir, 'sheet.sqlite');
  const sh = (...args: string[]) => klarmeld('sheet', ...args, '--sheet', sheet);
  const { first, second } = await genuineRuns();
  const document = structuredClone(first);
  await writeFile(join(dir, 'platform.pem'), document.platform.publicKey!);
  return { dir, sheet, sh, document, second };
}

describe('klarmeld sheet', () => {
  it("set accepts every word KOMBIT writes and keeps it as written; it refuses a word that is not KOMBIT's (exit 2)", async () => {
    const { sh, sheet } = await setup();
    const words = [
      'Klarmeldt',
      'Delvis',
      'Delvist',
      'Forløb 3',
      'Irrelevant',
      'Ensidig',
      'Nej',
      '1. Ja',
      '🔴 2. Nej',
      '🚧 5. Delvis',
      '',
    ];
    for (const word of words)
      expect((await sh('set', 'jobcenter-plus', 'sf1500', word, '--actor', 'kombit')).exit, word).toBe(0);
    const refused = await sh('set', 'jobcenter-plus', 'SF1500', 'Vist nok');
    expect(refused.exit).toBe(2);
    expect(refused.stderr).toMatch(
      /"Vist nok" is not a word of KOMBIT's sheet.*Klarmeldt, Delvis, Delvist, Forløb N, Irrelevant, Ensidig, Nej/,
    );
    expect((await sh('set', 'jobcenter-plus', 'SF1500', 'Forløb')).stderr).toContain('needs the round');
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => e.word)).toEqual(words);
    expect(store.history().map((e) => e.status)).toEqual([
      'klarmeldt',
      'delvist-klarmeldt',
      'delvist-klarmeldt',
      'tilmeldt',
      'irrelevant',
      'ensidig',
      'ikke-klarmeldt',
      'klarmeldt',
      'ikke-klarmeldt',
      'delvist-klarmeldt',
      '',
    ]);
    store.close();
  });

  it('show prints the matrix with the catalogue statuses and the sheet’s, filtered by supplier, area and status', async () => {
    const { sh } = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'klarmeldt');
    const text = await sh('show');
    expect(text.exit).toBe(0);
    // KOMBIT's 18 columns, in KOMBIT's order, whether or not a system requires them; then the others.
    expect(text.stdout).toMatch(
      /^System\s+SF1460_A\s+SF1460_B\s+SF1460_C\s+SF1460_D\s+SF1470\s+SF1490\s+SF1500\s+SF1510\s+SF1511\s+SF1512\s+SF1514\s+SF1515\s+SF1520\s+SF1590_A\s+SF1590_B\s+SF1590_D\s+SF1590_E\s+SF1630\s*\n/,
    );
    expect(text.stdout).toMatch(/jobcenter-plus \(e\)\s+K\s+·\s+K/);
    for (const filter of ['K', 'klarmeldt', 'Klarmeldt', '1. Ja']) {
      const json = JSON.parse((await sh('show', '--status', filter, '--json')).stdout);
      expect(
        json.rows.map((r: { system: string }) => r.system),
        filter,
      ).toEqual(['jobcenter-plus']);
      expect(json.columns).toHaveLength(18);
      const cell = json.rows[0].cells.find((c: { integration: string }) => c.integration === 'SF1500');
      // The declaration (status, KOMBIT's word) and what backs it (evidence) are separate fields.
      expect(cell).toMatchObject({
        status: 'klarmeldt',
        word: 'Klarmeldt',
        source: 'manual',
        level: 'mandatory',
        evidence: { kind: 'none' },
      });
    }
    expect(JSON.parse((await sh('show', '--supplier', '00000000', '--json')).stdout).rows).toEqual([]);
    expect((await sh('show', '--status', 'maybe')).exit).toBe(2);
  });

  it('history and report show each status with its date and source', async () => {
    const { sh } = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'klarmeldt', '--actor', 'kombit');
    expect((await sh('history', 'jobcenter-plus', 'SF1500')).stdout).toMatch(/SF1500\s+Klarmeldt\s+manual\s+kombit/);
    const report = JSON.parse((await sh('report', 'jobcenter-plus', '--json')).stdout);
    expect(report.supplier.cvr).toBe('90000001');
    expect(report.integrations.find((i: { integration: string }) => i.integration === 'SF1500')).toMatchObject({
      level: 'mandatory',
      status: 'klarmeldt',
      source: 'manual',
    });
    expect(report.excepted).toEqual([{ integration: 'SF1461', reason: 'Systemet modtager ikke beskeder' }]);
    const text = await sh('report', 'jobcenter-plus');
    expect(text.stdout).toContain('Obligatoriske snitflader (mandatory integrations) (KOMBIT skøn)');
    expect((await sh('report', 'nope')).exit).toBe(2);
  });

  it('export then import changes nothing; a cell it cannot map is kept verbatim and listed, never dropped', async () => {
    const { sh, sheet, dir } = await setup();
    await sh('set', 'jobcenter-plus', 'SF1500', 'klarmeldt');
    const file = join(dir, 'sheet.xlsx');
    expect((await sh('export', '--xlsx', file)).stdout).toMatch(/2 systems × 18 integrations, 1 history events/);
    const again = await sh('import', file);
    expect(again.exit).toBe(0);
    expect(again.stdout).toContain('0 changed');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const matrix = workbook.getWorksheet('Klarmelding')!;
    const header = matrix.getRow(1).values as unknown[];
    matrix.getRow(2).getCell(header.indexOf('SF 1514 - Sikkerhed Security Token Service, udgående')).value = 'Delvist';
    matrix.getRow(3).getCell(header.indexOf('SF 1520 - CPR - replica opslag')).value = 'Vist nok';
    await workbook.xlsx.writeFile(file);
    const dry = await sh('import', file, '--dry-run');
    expect(dry.exit).toBe(0);
    expect(dry.stdout).toMatch(/Dry run, nothing written.*1 would change/);
    expect(dry.stdout).toMatch(/jobcenter-plus SF1514: blank → "Delvist"/);
    const imported = await sh('import', file);
    expect(imported.exit).toBe(0);
    expect(imported.stdout).toMatch(
      /Klarmelding!\w+3 "Økonomi Let" \[SF 1520 - CPR - replica opslag\] "Vist nok": "Vist nok" is not a word of KOMBIT's sheet/,
    );
    const shown = JSON.parse((await sh('show', '--json')).stdout);
    // The small fixture lacks most of KOMBIT's integrations: their headers are kept too.
    expect(shown.kept.filter((k: { rowSystem: string }) => k.rowSystem)).toEqual([
      expect.objectContaining({ rowSystem: 'Økonomi Let', text: 'Vist nok' }),
    ]);
    expect(shown.kept).toContainEqual(
      expect.objectContaining({ cell: 'D1', why: 'SF1460_B is not an integration in the catalogue' }),
    );
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => [e.integration, e.word])).toEqual([
      ['SF1500', 'Klarmeldt'],
      ['SF1514', 'Delvist'],
    ]);
    store.close();
  });

  it('record adds the statuses a verified run earns under a trusted key, also when pinned with --key; an edited run changes nothing', async () => {
    const { sh, sheet, dir, document } = await shippedSetup();
    const runId = document.runId;
    await writeFile(join(dir, 'run.json'), JSON.stringify(document));
    expect(
      (await sh('trust-key', join(dir, 'platform.pem'), '--name', 'KOMBIT klarmeld platform', '--actor', 'kombit'))
        .exit,
    ).toBe(0);
    const recorded = await sh('record', join(dir, 'run.json'), '--key', join(dir, 'platform.pem'));
    expect(recorded.exit).toBe(0);
    expect(recorded.stdout).toMatch(
      new RegExp(
        `Recorded reference-system SF1520: Klarmeldt \\((\\d+)/\\1 SHALL passed, run ${runId}\\); belæg: kørsel ${runId} på en platform KOMBIT har godkendt`,
      ),
    );
    document.tests[0]!.result = 'fail';
    await writeFile(join(dir, 'edited.json'), JSON.stringify(document));
    const refused = await sh('record', join(dir, 'edited.json'));
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toMatch(/Nothing recorded: the run's evidence does not verify[\s\S]*results-edited/);
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => e.status)).toEqual(['klarmeldt']);
    store.close();
  });

  it('record --key with a key the sheet does not trust records the declaration with "own platform" evidence, never Ensidig: anyone can pin their own throwaway key', async () => {
    const { sh, sheet, dir, document } = await shippedSetup();
    const runId = document.runId;
    await writeFile(join(dir, 'run.json'), JSON.stringify(document));
    const recorded = await sh('record', join(dir, 'run.json'), '--key', join(dir, 'platform.pem'));
    expect(recorded.stdout).toMatch(
      new RegExp(
        `Recorded reference-system SF1520: Klarmeldt \\((\\d+)/\\1 SHALL passed, run ${runId}\\); belæg: kørsel ${runId} på leverandørens egen platform`,
      ),
    );
    const shown = JSON.parse((await sh('show', '--json')).stdout);
    const cell = shown.rows
      .find((r: { system: string }) => r.system === 'reference-system')
      .cells.find((c: { integration: string }) => c.integration === 'SF1520');
    expect(cell).toMatchObject({
      status: 'klarmeldt',
      word: 'Klarmeldt',
      evidence: { kind: 'own-platform', runId, keyFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => e.status)).toEqual(['klarmeldt']);
    store.close();
  });

  it('trust-key refuses what is not a platform public key, saying what to give (exit 2), and trusts nothing', async () => {
    const { sh, dir } = await setup();
    const { keys } = await sampleRun();
    await writeFile(join(dir, 'garbage.pem'), 'not a key\n');
    await writeFile(join(dir, 'private.pem'), keys.privateKeyPem);
    const given = (file: string) => sh('trust-key', file, '--name', 'x');
    expect(await given(join(dir, 'garbage.pem'))).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('is not a public key'),
    });
    expect(await given(join(dir, 'private.pem'))).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('holds a private key'),
    });
    expect(await given(join(dir, 'missing.pem'))).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('no such file'),
    });
    expect(await given('abc')).toMatchObject({ exit: 2, stderr: expect.stringContaining('is not a key fingerprint') });
    expect((await sh('trusted-keys')).stdout).toContain('trusts no platform key');
  });

  it("trust-key makes a run signed with that key backed by a trusted platform; before, the same passes are backed by the supplier's own platform", async () => {
    const { sh, sheet, dir, document, second } = await shippedSetup();
    await writeFile(join(dir, 'run-1.json'), JSON.stringify(document));
    await writeFile(join(dir, 'run-2.json'), JSON.stringify(second));
    expect((await sh('trusted-keys')).stdout).toContain('trusts no platform key');
    expect((await sh('record', join(dir, 'run-1.json'))).stdout).toContain('leverandørens egen platform');
    expect(await sh('trust-key', join(dir, 'platform.pem'))).toMatchObject({
      exit: 2,
      stderr: expect.stringContaining('Name the platform'),
    });
    const trusted = await sh(
      'trust-key',
      join(dir, 'platform.pem'),
      '--name',
      'KOMBIT klarmeld platform',
      '--actor',
      'kombit',
    );
    expect(trusted.exit).toBe(0);
    expect((await sh('trusted-keys')).stdout).toContain('KOMBIT klarmeld platform (added by kombit');
    expect((await sh('record', join(dir, 'run-2.json'))).stdout).toContain(
      'Recorded reference-system SF1520: Klarmeldt',
    );
    expect((await sh('record', join(dir, 'run-2.json'))).stdout).toContain('already in the sheet');
    const store = SheetStore.open(sheet);
    expect(store.history().map((e) => [e.status, e.evidence?.keyTrusted])).toEqual([
      ['klarmeldt', false],
      ['klarmeldt', true],
    ]);
    store.close();
  });

  it("imports KOMBIT's sheet from seeds/002 with exit 0, and show --json gives back every cell's word verbatim in KOMBIT's 18 columns", async () => {
    const dir = await temp.make('sheet-seed-');
    const sheet = join(dir, 'sheet.sqlite');
    const { catalog } = await loadCatalog();
    const suppliers = new Map(catalog.suppliers.map((s) => [s.cvr, s.name]));
    const systems = catalog.systems.slice(0, seedRows.length);
    // A row in the report's codes too: every spelling KOMBIT writes is accepted.
    const rows = seedRows.map((cells, i) => ({
      system: systems[i]!.name,
      supplier: suppliers.get(systems[i]!.supplier)!,
      cells,
    }));
    rows[0] = { ...rows[0]!, cells: ['🟢 1. Ja', '🔴 2. Nej', '🚧 5. Delvis', '1. Ja', ...rows[0]!.cells.slice(4)] };
    const file = join(dir, 'kombit.xlsx');
    await writeKombitWorkbook(file, rows);
    const imported = await klarmeld('sheet', 'import', file, '--sheet', sheet);
    expect(imported.exit).toBe(0);
    expect(imported.stdout).not.toContain('kept verbatim');
    const shown = JSON.parse((await klarmeld('sheet', 'show', '--json', '--sheet', sheet)).stdout);
    expect(shown.columns.slice(0, 18)).toEqual([
      'SF1460_A',
      'SF1460_B',
      'SF1460_C',
      'SF1460_D',
      'SF1470',
      'SF1490',
      'SF1500',
      'SF1510',
      'SF1511',
      'SF1512',
      'SF1514',
      'SF1515',
      'SF1520',
      'SF1590_A',
      'SF1590_B',
      'SF1590_D',
      'SF1590_E',
      'SF1630',
    ]);
    for (const row of rows) {
      const found = shown.rows.find((r: { name: string }) => r.name === row.system);
      expect(
        found.cells.slice(0, 18).map((c: { word?: string }) => c.word ?? ''),
        row.system,
      ).toEqual(row.cells);
    }
  });
});
