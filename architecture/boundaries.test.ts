import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boundaries, entryPoints, forbiddenReach, importedOnlyBy } from './boundaries.ts';

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
        .flatMap((file) =>
          importsOf(file)
            .filter((target) => !target.startsWith('node_modules/') && !target.startsWith(boundary.folder))
            .filter((target) => !boundary.mayImport.some((allowed) => target.startsWith(allowed)))
            .map((target) => `${file} imports ${target}`),
        );
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
    expect(reachableFrom('conformance/clients/tokens/build-issue-request.ts').has('conformance/clients/tokens/xmldsig.ts')).toBe(true);
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
        .flatMap((file) => importsOf(file).filter((target) => target.startsWith(rule.folder)).map((target) => `${file} imports ${target}`));
      expect(crossings).toEqual([]);
    });
  }

  it('finds the imports it checks (the scanner is not blind)', () => {
    expect(importsOf('architecture/boundaries.test.ts')).toContain('architecture/boundaries.ts');
  });
});
