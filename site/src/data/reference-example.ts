import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Service } from './catalog-types.ts';
import { wsdlClientFolder } from './example-code.ts';

export interface ReferenceExample {
  /** Path from the repository root, e.g. examples/reference-system/src/cpr-lookup.ts */
  file: string;
  code: string;
}

const sources = new Map<string, Promise<{ file: string; code: string }[]>>();

/** The reference system's source files (not tests, not generated code), read once per build. */
function sourcesOf(dir: string): Promise<{ file: string; code: string }[]> {
  let found = sources.get(dir);
  if (!found) {
    found = readdir(join(dir, 'src'), { recursive: true }).then(
      (names) =>
        Promise.all(
          names
            .map(String)
            .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
            .sort()
            .map(async (name) => ({ file: `src/${name}`, code: await readFile(join(dir, 'src', name), 'utf8') })),
        ),
      () => [],
    );
    sources.set(dir, found);
  }
  return found;
}

/**
 * The reference system's own code for calling a service: the source file that imports the
 * typed client wsdl-tsclient generated from one of the service's WSDLs. Real code that passes
 * the suites beats a generated sketch.
 */
export async function referenceExample(dir: string, services: Service[]): Promise<ReferenceExample | undefined> {
  const folders = services.flatMap((s) => s.contract.filter((f) => /\.wsdl$/i.test(f)).map(wsdlClientFolder));
  if (folders.length === 0) return undefined;
  for (const source of await sourcesOf(dir)) {
    if (folders.some((folder) => source.code.includes(`/generated/${folder}/`))) {
      return { file: `examples/reference-system/${source.file}`, code: source.code };
    }
  }
  return undefined;
}
