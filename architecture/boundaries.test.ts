import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  boundaries,
  deepImportExceptions,
  entryPoints,
  forbiddenReach,
  harnessFolders,
  importedOnlyBy,
  units,
} from './boundaries.ts';

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

/** Every module of ours a file imports, directly or through others. */
function reachableFrom(file: string): Set<string> {
  const seen = new Set<string>();
  const queue = [file];
  while (queue.length > 0) {
    for (const target of importsOf(queue.pop()!)) {
      if (seen.has(target) || target.startsWith('node_modules/') || !existsSync(join(root, target))) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

const everyFile = ['catalog', 'conformance', 'server', 'cli', 'site', 'examples', 'bench']
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
        .flatMap((file) => {
          const allowed = harnessFolders.some((folder) => file.includes(`/${folder}`))
            ? [...boundary.mayImport, ...(boundary.harnessesMayImport ?? [])]
            : boundary.mayImport;
          return importsOf(file)
            .filter((target) => !target.startsWith('node_modules/') && !target.startsWith(boundary.folder))
            .filter((target) => !allowed.some((prefix) => target.startsWith(prefix)))
            .map((target) => `${file} imports ${target}`);
        });
      expect(crossings).toEqual([]);
    });
  }

  for (const rule of forbiddenReach) {
    it(`${rule.folder} never reaches ${rule.module}, not even through other modules: ${rule.why}`, () => {
      const reaching = everyFile
        .filter((file) => file.startsWith(rule.folder) && !/\.test\.tsx?$/.test(file) && !rule.harnesses.includes(file))
        .filter((file) => reachableFrom(file).has(rule.module))
        .map((file) => `${file} reaches ${rule.module}`);
      expect(reaching).toEqual([]);
    });
  }

  it('follows imports through other modules (the reach check is not blind)', () => {
    expect(
      reachableFrom('conformance/clients/tokens/build-issue-request.ts').has('conformance/clients/tokens/xmldsig.ts'),
    ).toBe(true);
  });

  it(`nothing imports the entry points ${entryPoints.join(', ')}`, () => {
    const crossings = everyFile.flatMap((file) =>
      importsOf(file)
        .filter((target) => entryPoints.some((entry) => target.startsWith(entry) && !file.startsWith(entry)))
        .map((target) => `${file} imports ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  for (const rule of importedOnlyBy) {
    it(`only ${rule.by.join(', ')} import ${rule.folder}: ${rule.why}`, () => {
      const crossings = everyFile
        .filter((file) => !file.startsWith(rule.folder) && !rule.by.some((by) => file.startsWith(by)))
        .flatMap((file) =>
          importsOf(file)
            .filter((target) => target.startsWith(rule.folder))
            .map((target) => `${file} imports ${target}`),
        );
      expect(crossings).toEqual([]);
    });
  }

  it(`an import from another unit goes through its index.ts (${units.length} units; harness folders ${harnessFolders.join(', ')} for tests)`, () => {
    const unitOf = (file: string) => units.find((unit) => file.startsWith(unit));
    const isHarness = (file: string) => harnessFolders.some((folder) => file.includes(`/${folder}`));
    const deep = everyFile.flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          const unit = unitOf(target);
          if (!unit || unit === unitOf(file) || target === `${unit}index.ts`) return false;
          if (isHarness(target) && (/\.test\.tsx?$/.test(file) || isHarness(file) || file.startsWith('bench/')))
            return false;
          if (file.startsWith('bench/')) return false;
          return !deepImportExceptions.some(
            (rule) => file.startsWith(rule.from) && rule.to.some((allowed) => target.startsWith(allowed)),
          );
        })
        .map((target) => `${file} imports ${target}`),
    );
    expect(deep).toEqual([]);
  });

  it('sees a deep import as one (the index rule is not blind)', () => {
    expect(
      importsOf('cli/main.ts').some((target) => target.startsWith('catalog/') && target !== 'catalog/index.ts'),
    ).toBe(false);
    expect(importsOf('catalog/index.ts')).toContain('catalog/load-catalog.ts');
  });

  it('finds the imports it checks (the scanner is not blind)', () => {
    expect(importsOf('architecture/boundaries.test.ts')).toContain('architecture/boundaries.ts');
  });
});
