import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { currentStatuses, kombitColumns, type StatusEvent } from '../../../conformance/onboarding/index.ts';
import { indexCatalog } from './catalog-index.ts';
import { matrixBodyHtml } from './matrix-html.ts';
import { buildMatrix } from './matrix-model.ts';
import { readinessFrom } from './readiness.ts';
import { statusStyles } from './status-style.ts';

const fixture = new URL('../../../catalog/test-fixtures/valid', import.meta.url).pathname;

describe('the onboarding matrix', async () => {
  const { catalog } = await loadCatalog(fixture);
  const index = indexCatalog(catalog);
  // The fixture's first system declares one status in systems.yaml; the sheet sets another pair.
  const system = catalog.systems[0]!;
  const declared = system.statuses![0]!;
  const required = index.requiredBy.get(system.id)!.map((r) => r.integration);
  const ready = catalog.statuses.find((s) => s.ready)!;
  const other = catalog.statuses.find((s) => !s.ready)!;
  const event: StatusEvent = {
    seq: 1,
    id: 'e1',
    system: system.id,
    integration: required.find((i) => i !== declared.integration)!,
    status: other.code,
    actor: 'kombit',
    source: 'manual',
    at: '2026-11-01T10:00:00Z',
  };
  const readiness = readinessFrom({ kind: 'sheet', path: 'sheet.db' }, currentStatuses(catalog, [event]));

  it("has KOMBIT's 18 columns first, in KOMBIT's order, then each integration some system requires, and a row for each system", () => {
    const model = buildMatrix(catalog, index, readiness);
    expect(model.columns.slice(0, 18)).toEqual(kombitColumns.map((c) => c.integration));
    expect(model.rows).toHaveLength(catalog.systems.length);
    for (const id of required) expect(model.columns).toContain(id);
    expect(model.columns).toEqual([...new Set(model.columns)]);
  });

  it('shows the sheet’s status and, where the sheet has none, the catalogue’s declaration', () => {
    const model = buildMatrix(catalog, index, readiness);
    const row = model.rows.find((r) => r.systemId === system.id)!;
    const cell = (integration: string) => row.cells[model.columns.indexOf(integration)];
    expect(declared.status).toBe(ready.code);
    expect(cell(declared.integration)).toEqual({ required: true, status: declared.status });
    expect(cell(event.integration)).toEqual({ required: true, status: other.code });
  });

  it('counts required cells per status, with no status as its own count', () => {
    const model = buildMatrix(catalog, index, readiness);
    expect([model.counts.get(ready.code), model.counts.get(other.code)]).toEqual([1, 1]);
    const requiredCells = model.rows.flatMap((r) => r.cells).filter((c) => c.required).length;
    expect(model.counts.get('')).toBe(requiredCells - 2);
  });

  it('renders cells with the status class and mark, and rows with what the filters need', () => {
    const model = buildMatrix(catalog, index, readiness);
    const styles = statusStyles(catalog.statuses, 'da');
    const html = matrixBodyHtml(model, styles, (id) => `/systemer/${id}/`);
    const readyStyle = styles.find((s) => s.code === ready.code)!;
    expect(html).toContain(`<td class=${readyStyle.cls}>${readyStyle.mark}`);
    expect(html).toContain(`data-area="${system.areas.join(' ')}" data-supplier="${system.supplier}"`);
    expect(html).toContain(`<a href="/systemer/${system.id}/">`);
  });

  it("shows what backs a status after its mark: * a run on a platform KOMBIT trusts, + a run on the supplier's own platform", () => {
    const run = (runId: string, keyTrusted: boolean): StatusEvent => ({
      ...event,
      id: runId,
      seq: keyTrusted ? 2 : 3,
      integration: keyTrusted ? event.integration : declared.integration,
      source: 'run',
      evidence: { runId, digest: 'd'.repeat(64), keyTrusted, ...(keyTrusted ? { trustedBy: 'sheet' as const } : {}) },
    });
    const backed = readinessFrom(
      { kind: 'sheet', path: 'sheet.db' },
      currentStatuses(catalog, [run('r1', true), run('r2', false)]),
    );
    const model = buildMatrix(catalog, index, backed);
    const row = model.rows.find((r) => r.systemId === system.id)!;
    expect(row.cells[model.columns.indexOf(event.integration)]).toMatchObject({ backing: 'trusted-platform' });
    const html = matrixBodyHtml(model, statusStyles(catalog.statuses, 'da'), (id) => id);
    expect(html).toMatch(/<td class=s\d+>[^<]+\*/);
    expect(html).toMatch(/<td class=s\d+>[^<]+\+/);
  });

  it('marks a system the project made up as projekteksempel (project example in English), and leaves a real one plain', () => {
    const real = catalog.systems[1]!;
    const mixed = {
      ...catalog,
      systems: catalog.systems.map((s) => (s.id === real.id ? { ...s, fictional: false } : s)),
    };
    const model = buildMatrix(mixed, index, readiness);
    expect(model.rows.map((r) => [r.systemId, r.fictional])).toEqual(
      expect.arrayContaining([
        [system.id, true],
        [real.id, false],
      ]),
    );
    const rowHtml = (html: string, id: string) => html.split('\n').find((line) => line.includes(`href="${id}"`))!;
    const da = matrixBodyHtml(model, statusStyles(catalog.statuses, 'da'), (id) => id);
    expect(rowHtml(da, system.id)).toContain('<em class=km-example>projekteksempel</em>');
    expect(rowHtml(da, real.id)).not.toContain('km-example');
    const en = matrixBodyHtml(model, statusStyles(catalog.statuses, 'en'), (id) => id, 'project example');
    expect(rowHtml(en, system.id)).toContain('<em class=km-example>project example</em>');
  });
});
