import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main.ts';
import { loadCatalog } from './load-catalog.ts';
import type { ProblemName } from './problems/index.ts';
import { copyValidFixture, editFile, lineOf } from './test-fixtures/fixture-copy.ts';

interface Mistake {
  name: ProblemName;
  file: string;
  from: string;
  to: string;
  /** Text on the line the problem must point at (in the edited file). */
  line: string;
  path?: string;
}

const mistakes: Mistake[] = [
  { name: 'yaml-syntax', file: 'suppliers.yaml', from: 'name: Eksempel Software ApS', to: 'name: [Eksempel Software ApS', line: 'fictional: true' },
  { name: 'unknown-field', file: 'integrations/SF1500.yaml', from: 'platform: Organisation', to: 'platform: Organisation\nplatfrom: Organisation', line: 'platfrom', path: 'platfrom' },
  { name: 'wrong-type', file: 'integrations/SF1500.yaml', from: 'ski0219: true', to: 'ski0219: ja', line: 'ski0219', path: 'ski0219' },
  { name: 'dangling-reference', file: 'integrations/SF1500.yaml', from: 'prerequisites: [SF1514]', to: 'prerequisites: [SF1599]', line: 'SF1599', path: 'prerequisites[0]' },
  { name: 'duplicate-id', file: 'systems.yaml', from: 'id: oekonomi-let', to: 'id: jobcenter-plus', line: '- id: jobcenter-plus\n    name: Økonomi', path: 'systems[1].id' },
  { name: 'malformed-uuid', file: 'integrations/SF1500.yaml', from: 'serviceUuid: 6d9e3e15-4f6b', to: 'serviceUuid: 6D9E3E15-4F6B', line: '6D9E3E15', path: 'versions[1].services[0].serviceUuid' },
  { name: 'unknown-area', file: 'systems.yaml', from: 'areas: [Y20]', to: 'areas: [Y99]', line: 'Y99', path: 'systems[1].areas[0]' },
  { name: 'unknown-status', file: 'systems.yaml', from: 'status: klarmeldt', to: 'status: godkendt', line: 'godkendt', path: 'systems[0].statuses[0].status' },
  { name: 'missing-title', file: 'integrations/SF1520.yaml', from: 'title: CPR - replica opslag\n', to: '', line: '$schema', path: 'title' },
  { name: 'versions-out-of-order', file: 'integrations/SF1520.yaml', from: 'version: "3"', to: 'version: "10"', line: 'version: "4"', path: 'versions[1].version' },
];

describe('a broken copy of the catalogue', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('starts from a fixture that is valid', async () => {
    const dir = await copyValidFixture();
    dirs.push(dir);
    expect((await loadCatalog(dir)).problems).toEqual([]);
  });

  for (const mistake of mistakes) {
    it(`reports ${mistake.name} with its file, line and field, and check exits 1`, async () => {
      const dir = await copyValidFixture();
      dirs.push(dir);
      const text = await editFile(dir, mistake.file, mistake.from, mistake.to);
      const { problems } = await loadCatalog(dir);
      // The one mistake yields exactly one problem: no echoes in other files.
      expect(problems.map((p) => `${p.name} ${p.file}`)).toEqual([`${mistake.name} ${mistake.file}`]);
      const [problem] = problems;
      expect(problem!.line).toBe(lineOf(text, mistake.line));
      expect(problem!.column).toBeGreaterThan(0);
      if (mistake.path) expect(problem!.path).toBe(mistake.path);
      expect(problem!.code).toMatch(/^KM-CAT-\d{3}$/);
      expect(problem!.fix.length).toBeGreaterThan(10);

      const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const exit = await main(['catalog', 'check', '--json', '--dir', dir]);
      const json = JSON.parse(out.mock.calls.map((c) => String(c[0])).join(''));
      expect(exit).toBe(1);
      expect(json.problems[0]).toMatchObject({ name: mistake.name, file: mistake.file, line: problem!.line });
    });
  }

  it('reports every mistake at once, not just the first', async () => {
    const dir = await copyValidFixture();
    dirs.push(dir);
    for (const m of mistakes.filter((m) => m.file !== 'suppliers.yaml' && m.name !== 'versions-out-of-order')) {
      await editFile(dir, m.file, m.from, m.to);
    }
    const { problems } = await loadCatalog(dir);
    expect(new Set(problems.map((p) => p.name)).size).toBe(mistakes.length - 2);
  });
});
