import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { buildConnectionReport, buildMatrix } from '../../conformance/onboarding/index.ts';
import { testCatalog } from '../../conformance/onboarding/testing/test-catalog.ts';
import { SheetMatrixView } from './sheet-matrix.ts';
import { SheetReportView } from './sheet-report.ts';

const lastFrame = (frames: string[]) => frames.filter((f) => f.trim()).at(-1) ?? '';
let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});
const events = [
  {
    seq: 1,
    id: 'e1',
    system: 'jobcenter-plus',
    integration: 'SF1500',
    status: 'delvist-klarmeldt',
    actor: 'runner',
    source: 'run' as const,
    at: '2026-11-22T08:00:00.000Z',
    evidence: { runId: 'run-7', digest: 'a'.repeat(64), shallTotal: 8, shallPassed: 5 },
  },
];

describe('sheet views', () => {
  it('the matrix shows a mark per status, dots for required cells without one, and the legend', () => {
    const matrix = buildMatrix(catalog, events);
    const { frames, unmount } = render(
      <SheetMatrixView view={{ ...matrix, sheetPath: '/tmp/s.sqlite', sheetExists: true, kept: [] }} />,
    );
    const frame = lastFrame(frames);
    unmount();
    expect(frame).toMatch(/System\s+SF1460_A\s+SF1460_B/);
    // SF1500 is Delvis, backed by a run on the supplier's own platform (+); SF1520 the catalogue's Klarmeldt.
    expect(frame).toMatch(/jobcenter-plus \(e\)\s+D\+\s+·\s+K\s/);
    // Every system of the fixture is the project's example, and the legend says what (e) means.
    expect(frame).toContain('(e) projekteksempel: a system the project made up, not a real SKI system');
    expect(frame).toMatch(/ D +Delvis \/ Delvist \(🚧 5\. Delvis\)/);
    expect(frame).toContain('Sheet: /tmp/s.sqlite');
  });

  it('the report lists mandatory integrations with status, date and the run behind it', () => {
    const report = buildConnectionReport(catalog, 'jobcenter-plus', events)!;
    const legend = buildMatrix(catalog, []).legend;
    const { frames, unmount } = render(<SheetReportView report={report} legend={legend} />);
    const frame = lastFrame(frames);
    unmount();
    expect(frame).toContain('Connection report: Jobcenter Plus');
    // The report's code as KOMBIT writes it (issue 11); the line may wrap in an 80-column frame.
    expect(frame).toMatch(
      /SF1500 .*🚧 5\. Delvis\s+2026-11-22\s+\(run\)\s+belæg:\s+kørsel\s+på\s+leverandørens\s+egen\s+platform\s+\[run\s+run-7, 5\/8 SHALL\]/,
    );
    // A status KOMBIT declared in the catalogue is backed by nothing, and says so.
    expect(frame).toMatch(/SF1520 .*\(katalog\)\s+belæg:\s+intet\s+belæg/);
    expect(frame).toContain('Obligatoriske integrationer (KOMBIT skøn)');
    expect(frame).toMatch(/Ready: 1 of 3 mandatory integrations/);
  });
});
