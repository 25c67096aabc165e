import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boundaries, entryPoints } from './boundaries.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const skipped = new Set(['node_modules', 'dist', '.astro', '.git', '.klarmeld', 'generated', 'test-artifacts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports of a file, resolved to repo-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)];
  return specifiers.map((match) => relative(root, resolve(root, dirname(file), match[1]!)).replaceAll('\\', '/'));
}

const everyFile = ['catalog', 'conformance', 'cli', 'site', 'examples', 'bench']
  .filter((dir) => {
    try {
      readdirSync(join(root, dir));
      return true;
    } catch {
      return false;
    }
  })
  .flatMap(sourceFiles);

describe('architecture boundaries (DESIGN.md §2)', () => {
  for (const boundary of boundaries) {
    it(`${boundary.folder} imports only ${boundary.mayImport.join(', ') || 'itself'}: ${boundary.why}`, () => {
      const crossings = everyFile
        .filter((file) => file.startsWith(boundary.folder) && !/\.test\.tsx?$/.test(file))
        .flatMap((file) =>
          importsOf(file)
            .filter((target) => !target.startsWith('node_modules/') && !target.startsWith(boundary.folder))
            .filter((target) => !boundary.mayImport.some((allowed) => target.startsWith(allowed)))
            .map((target) => `${file} imports ${target}`),
        );
      expect(crossings).toEqual([]);
    });
  }

  it(`nothing imports the entry points ${entryPoints.join(', ')}`, () => {
    const crossings = everyFile.flatMap((file) =>
      importsOf(file)
        .filter((target) => entryPoints.some((entry) => target.startsWith(entry) && !file.startsWith(entry)))
        .map((target) => `${file} imports ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('finds the imports it checks (the scanner is not blind)', () => {
    expect(importsOf('architecture/boundaries.test.ts')).toContain('architecture/boundaries.ts');
  });
});
