import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { klarmeld } from '../testing/klarmeld.ts';

/**
 * KOMBIT's example tilslutningsrapport for a Y14 system (seeds/002_…), as the shipped catalogue
 * reproduces it in the example system jobcenter-y14-eksempel: its packages, its 13 municipalities
 * and its 15 statuses, what is KOMBIT's estimate marked "(KOMBIT skøn)".
 */
const temp = tempDirs();
const system = 'jobcenter-y14-eksempel';
const kombitMunicipalities = [
  'Aalborg',
  'Fredericia',
  'Haderslev',
  'Helsingør',
  'Herning',
  'Hillerød',
  'Ishøj',
  'Køge',
  'Svendborg',
  'Sønderborg',
  'Tønder',
  'Varde',
  'Viborg',
];

describe("KOMBIT's Y14 example in the shipped catalogue", () => {
  it('catalog required names I-04 … I-08 and I-14 as obligatory and I-01 … I-03 as supplementary', async () => {
    const { exit, stdout } = await klarmeld('catalog', 'required', system, '--json');
    expect(exit).toBe(0);
    const view = JSON.parse(stdout) as {
      packages: { id: string; title: string; level: string; fictional: boolean }[];
      required: { integration: string; package?: string; packageNotGiven?: boolean }[];
    };
    const ids = (level: string) => view.packages.filter((p) => p.level === level).map((p) => p.id);
    expect(ids('mandatory')).toEqual(['I-04', 'I-05', 'I-06', 'I-07', 'I-08', 'I-14']);
    expect(ids('supplementary')).toEqual(['I-01', 'I-02', 'I-03']);
    expect(view.packages.every((p) => !p.fictional)).toBe(true);
    const packageOf = new Map(view.required.map((r) => [r.integration, r.package]));
    expect([packageOf.get('SF1500'), packageOf.get('SF1510')]).toEqual(['I-06', 'I-07']);
    // The sources name no package for these two: the data says so instead of inventing one.
    expect(view.required.filter((r) => r.packageNotGiven).map((r) => r.integration)).toEqual(['SAPA-dialog', 'SF2900']);
    expect(view.required.filter((r) => r.packageNotGiven).every((r) => r.package === undefined)).toBe(true);
  });

  it("sheet report shows KOMBIT's example report: packages with titles, KOMBIT skøn, 13 municipalities, 11 × 1. Ja, 3 × 5. Delvis, 1 × 2. Nej", async () => {
    const sheet = join(await temp.make('y14-report-'), 'sheet.sqlite');
    const { exit, stdout } = await klarmeld('sheet', 'report', system, '--sheet', sheet);
    expect(exit).toBe(0);
    expect(stdout).toContain('SKI Use case(s) (KOMBIT skøn)');
    expect(stdout).toContain('Y14.II.1: Afklaring, visitation og fastlæggelse af indsatser');
    expect(stdout).toContain('Y14.II.2: Ydelsesberegning og udbetaling til borger');
    expect(stdout).toContain('Obligatoriske integrationer (KOMBIT skøn)');
    expect(stdout).toContain('Supplerende integrationer (KOMBIT skøn)');
    for (const pkg of [
      'I-04 Sags- og dokumentindeks',
      'I-05 Ydelsesindeks',
      'I-06 Organisation service',
      'I-07 Klassifikation service',
      'I-08 Adgangsstyring for brugere (context handler)',
      'I-14 Jobcenterintegration',
      'I-01 Sundhedsoplysninger',
      'I-02 Personoplysninger',
      'I-03 Pensionsoplysninger',
    ]) {
      expect(stdout).toContain(`  - ${pkg}`);
    }
    expect(stdout).toContain('Anvender kommuner (13)');
    for (const name of kombitMunicipalities) expect(stdout).toMatch(new RegExp(`^  - ${name}( Kommune)?$`, 'm'));
    const mandatory = stdout.slice(
      stdout.indexOf('Obligatoriske snitflader'),
      stdout.indexOf('Supplerende snitflader'),
    );
    expect(mandatory.match(/🟢 1\. Ja/g)).toHaveLength(11);
    expect(mandatory.match(/🚧 5\. Delvis/g)).toHaveLength(3);
    expect(mandatory.match(/🔴 2\. Nej/g)).toHaveLength(1);
    expect(mandatory).toMatch(/SF2900 .*pakke ikke oplyst +🔴 2\. Nej/);
    expect(mandatory).toMatch(/SAPA-dialog .*pakke ikke oplyst +🚧 5\. Delvis/);
  });

  it('sheet report --json marks the estimate, the example system and every status as the catalogue’s', async () => {
    const sheet = join(await temp.make('y14-report-'), 'sheet.sqlite');
    const report = JSON.parse((await klarmeld('sheet', 'report', system, '--sheet', sheet, '--json')).stdout);
    expect(report.estimate).toEqual({ label: 'KOMBIT skøn', covers: ['useCases', 'packages', 'integrations'] });
    expect(report.system.fictional).toBe(true);
    expect(report.municipalities).toHaveLength(13);
    const mandatory = report.integrations.filter((i: { level: string }) => i.level === 'mandatory');
    expect(mandatory).toHaveLength(15);
    expect(mandatory.every((i: { source: string }) => i.source === 'catalogue')).toBe(true);
    const codes = mandatory.map((i: { code: string }) => i.code).sort();
    expect(codes.filter((c: string) => c === '🟢 1. Ja')).toHaveLength(11);
    expect(codes.filter((c: string) => c === '🚧 5. Delvis')).toHaveLength(3);
    expect(codes.filter((c: string) => c === '🔴 2. Nej')).toHaveLength(1);
  });

  it("sheet report gives udbredelse per integration from the catalogue's agreement list: tilsluttet i N af M kommuner", async () => {
    const sheet = join(await temp.make('y14-report-'), 'sheet.sqlite');
    const { stdout } = await klarmeld('sheet', 'report', system, '--sheet', sheet);
    // The shipped example list: SF1500 approved in all 13, SF1470 only in Fredericia (one more pending, not counted).
    expect(stdout).toMatch(/SF1500 .*tilsluttet i 13 af 13 kommuner/);
    expect(stdout).toMatch(/SF1470 .*tilsluttet i 1 af 13 kommuner/);
    const report = JSON.parse((await klarmeld('sheet', 'report', system, '--sheet', sheet, '--json')).stdout);
    expect(report.integrations.find((i: { integration: string }) => i.integration === 'SF2900').spread).toEqual({
      connected: 0,
      of: 13,
    });
    // A system the agreement list says nothing of shows no spread rather than 0 of M.
    const other = JSON.parse((await klarmeld('sheet', 'report', 'jobcenter-plus', '--sheet', sheet, '--json')).stdout);
    expect(other.integrations.some((i: { spread?: unknown }) => i.spread)).toBe(false);
  });
});
