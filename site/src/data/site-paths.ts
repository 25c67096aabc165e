import { dirname, join, resolve } from 'node:path';
import { resolveSheetPath } from '../../../conformance/onboarding/index.ts';

/** Where the site reads its inputs. All of them can be moved with environment variables (the bench does). */
export interface SitePaths {
  root: string;
  /** The catalogue's data directory: KLARMELD_CATALOG_DIR, else catalog/data. */
  catalogDir: string;
  /** Contract files: KLARMELD_CONTRACTS_DIR, else `contracts` beside the data directory. */
  contractsDir: string;
  /** Conformance suites, one folder per integration with its requirements.yaml. */
  suitesDir: string;
  /** The reference system whose code is the SF1520 example. */
  referenceSystemDir: string;
  /** The onboarding sheet, found as the CLI finds it: KLARMELD_SHEET, else .klarmeld/sheet.sqlite. */
  sheet: string;
  /** True when KLARMELD_SHEET is unset, so a missing sheet is the default one and the site can say so. */
  sheetIsDefault: boolean;
}

/**
 * Resolves the paths from the environment. The repository root comes from KLARMELD_ROOT,
 * which astro.config.mjs sets, because bundled modules cannot find it from their own URL.
 * The sheet is resolved by the CLI's own `resolveSheetPath` against the root: `npm run
 * site:build` runs there, as `npx klarmeld …` usually does, so both read the same file.
 */
export function sitePathsFromEnv(env: NodeJS.ProcessEnv = process.env): SitePaths {
  const root = resolve(env.KLARMELD_ROOT ?? process.cwd());
  const catalogDir = resolve(root, env.KLARMELD_CATALOG_DIR ?? 'catalog/data');
  const sheet = resolveSheetPath({ env, cwd: root });
  return {
    root,
    catalogDir,
    contractsDir: resolve(root, env.KLARMELD_CONTRACTS_DIR ?? join(dirname(catalogDir), 'contracts')),
    suitesDir: join(root, 'conformance', 'suites'),
    referenceSystemDir: join(root, 'examples', 'reference-system'),
    sheet,
    sheetIsDefault: sheet === resolveSheetPath({ cwd: root }),
  };
}
