import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ui = fileURLToPath(new URL('./', import.meta.url));
const run = promisify(execFile);

// `klarmeld` registers no TypeScript loader (it cost ~0.8 s per run, issue 15): every ink view
// must load and render under Node's own type stripping, as bin/klarmeld.js runs it.
describe('the ink views under plain Node', () => {
  it('every view module loads without a loader, and a view renders its frame', async () => {
    const views = readdirSync(ui).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    const script = `
      ${views.map((f, i) => `const m${i} = await import(${JSON.stringify(new URL(f, new URL(`file://${ui}`)).href)});`).join('\n')}
      const { renderOnce } = await import(${JSON.stringify(new URL('render.ts', `file://${ui}`).href)});
      const { TestProgress } = await import(${JSON.stringify(new URL('test-progress.ts', `file://${ui}`).href)});
      const { createElement } = await import('react');
      renderOnce(createElement(TestProgress, { phase: 'Running', suites: [{ integration: 'SF1520', title: 'CPR replica', tests: [{ id: 'a', title: 'lookup', status: 'pass', durationMs: 12 }] }] }), process.stdout);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
    });
    expect(views.filter((f) => f.endsWith('.tsx'))).toEqual([]);
    expect(stdout).toContain('SF1520');
    expect(stdout).toContain('1/1');
  });
});
