import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyCatalog, type Catalog, type LoadResult } from './catalog.ts';
import type { KnownIds, CheckContext } from './check-context.ts';
import { checkAreasAndPackages } from './check-areas.ts';
import { checkDuplicates } from './check-duplicates.ts';
import { checkIntegrations } from './check-integrations.ts';
import { checkOperations } from './check-operations.ts';
import { checkServiceKeys } from './check-service-keys.ts';
import { checkSystems } from './check-systems.ts';
import { checkContractData } from './check-contract-data.ts';
import { checkAgreements } from './check-agreements.ts';
import { checkKorsbaek } from './check-korsbaek.ts';
import { readDataFiles } from './data-files.ts';
import { expectedTopLevelFiles, type FileKindName } from './file-kinds.ts';
import { korsbaekPartOf, type KorsbaekKind } from './korsbaek.ts';
import { loadFile, type LoadedFile } from './load-file.ts';
import { Origins } from './origins.ts';
import { catalogProblem, sortProblems, type CatalogProblem } from './problems/index.ts';

export type { Catalog, LoadResult } from './catalog.ts';

/** The shipped catalogue: `catalog/data/` next to this module. */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('./data', import.meta.url));
}

const target: Record<Exclude<FileKindName, KorsbaekKind>, keyof Catalog> = {
  integration: 'integrations',
  serviceAreas: 'areas',
  integrationPackages: 'packages',
  suppliers: 'suppliers',
  systems: 'systems',
  municipalities: 'municipalities',
  onboardingStatuses: 'statuses',
  serviceAgreements: 'agreements',
  samples: 'samples',
  unpublishedContracts: 'unpublishedContracts',
};

const stringsOf = (items: Record<string, unknown>[], key: string) =>
  items.map((item) => item[key]).filter((v): v is string => typeof v === 'string');

/**
 * Loads, validates and cross-checks every YAML file of a catalogue directory. Never throws
 * for bad data: every problem (YAML syntax, schema, references) is collected and returned
 * with its file, line, column and field path. Items that fail validation are left out of
 * `catalog`, the rest are usable, so callers can still work with a partly broken catalogue.
 */
export async function loadCatalog(dir: string | { dir?: string } = defaultDataDir()): Promise<LoadResult> {
  const dataDir = typeof dir === 'string' ? dir : (dir.dir ?? defaultDataDir());
  const catalog = emptyCatalog();
  // What the cross-reference checks look at: the catalogue plus items salvaged from invalid data.
  const checked = emptyCatalog();
  const problems: CatalogProblem[] = [];
  const files = await readDataFiles(dataDir);
  if (!files) {
    problems.push(
      catalogProblem('missing-data', {
        file: basename(dataDir),
        message: `The catalogue directory ${dataDir} does not exist.`,
        fix: 'Pass the directory that holds integrations/ and service-areas.yaml (--dir), or create it.',
      }),
    );
    return { catalog, problems };
  }
  const origins = new Origins();
  const loaded: LoadedFile[] = files.map((file) => loadFile(file, origins));
  const raw: Partial<Record<FileKindName, Record<string, unknown>[]>> = {};
  const broken = new Set<FileKindName>();
  loaded.forEach((file, index) => {
    problems.push(...file.problems);
    if (!file.kind) return;
    const part = korsbaekPartOf(file.kind);
    if (part) {
      // One file per part: its content, not a list of items.
      if (file.items[0]) Object.assign(catalog.korsbaek, { [part]: file.items[0] });
      if (file.items[0] ?? file.salvaged[0])
        Object.assign(checked.korsbaek, { [part]: file.items[0] ?? file.salvaged[0] });
    } else {
      (catalog[target[file.kind as Exclude<FileKindName, KorsbaekKind>]] as object[]).push(...file.items);
      (checked[target[file.kind as Exclude<FileKindName, KorsbaekKind>]] as object[]).push(
        ...file.items,
        ...file.salvaged,
      );
    }
    (raw[file.kind] ??= []).push(...file.rawItems);
    if (file.kind === 'integration') (raw.integration ??= []).push({ id: basename(files[index]!.file, '.yaml') });
    else if (file.broken) broken.add(file.kind);
  });
  const present = new Set(files.map((f) => f.file));
  for (const expected of expectedTopLevelFiles) {
    if (!present.has(expected)) {
      problems.push(
        catalogProblem('missing-data', {
          file: expected,
          message: `The catalogue has no ${expected}, so references to what it defines cannot be checked.`,
          fix: `Add ${expected} to the catalogue directory.`,
        }),
      );
    }
  }
  for (const area of checked.areas) area.useCases.forEach((u, i) => origins.recordChild(area, u, ['useCases', i]));

  const known = knownIds(raw, broken, present);
  const ctx: CheckContext = { catalog: checked, origins, known, problems };
  checkDuplicates(ctx);
  checkIntegrations(ctx);
  checkServiceKeys(ctx);
  checkOperations(ctx);
  checkAreasAndPackages(ctx);
  checkSystems(ctx);
  checkAgreements(ctx);
  checkContractData(ctx);
  checkKorsbaek(ctx);
  return { catalog, problems: sortProblems(problems) };
}

function knownIds(
  raw: Partial<Record<FileKindName, Record<string, unknown>[]>>,
  broken: Set<FileKindName>,
  present: Set<string>,
): KnownIds {
  const usable = (kind: FileKindName, file: string) => present.has(file) && !broken.has(kind);
  const areas = raw.serviceAreas ?? [];
  const useCases = areas.flatMap((a) => (Array.isArray(a.useCases) ? (a.useCases as Record<string, unknown>[]) : []));
  return {
    integrations: new Set(stringsOf(raw.integration ?? [], 'id')),
    ...(usable('serviceAreas', 'service-areas.yaml') && {
      areas: new Set(stringsOf(areas, 'id')),
      useCases: new Set(
        stringsOf(
          useCases.filter((u) => u && typeof u === 'object'),
          'id',
        ),
      ),
    }),
    ...(usable('integrationPackages', 'integration-packages.yaml') && {
      packages: new Set(stringsOf(raw.integrationPackages ?? [], 'id')),
    }),
    ...(usable('suppliers', 'suppliers.yaml') && { suppliers: new Set(stringsOf(raw.suppliers ?? [], 'cvr')) }),
    ...(usable('municipalities', 'municipalities.yaml') && {
      municipalities: new Set(stringsOf(raw.municipalities ?? [], 'cvr')),
    }),
    ...(usable('onboardingStatuses', 'onboarding-statuses.yaml') && {
      statuses: new Set(stringsOf(raw.onboardingStatuses ?? [], 'code')),
    }),
  };
}
