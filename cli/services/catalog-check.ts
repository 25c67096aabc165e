import { loadCatalog } from '../../catalog/index.ts';
import { hasErrors, type CatalogProblem } from '../../catalog/index.ts';
import { summarizeCatalog, type CatalogSummary } from './catalog-summary.ts';

export interface CatalogCheck {
  dir: string;
  valid: boolean;
  errors: number;
  warnings: number;
  summary: CatalogSummary;
  problems: CatalogProblem[];
}

/** Loads and validates a catalogue directory (default: the shipped one) and summarises it. */
export async function checkCatalog(dir?: string): Promise<CatalogCheck> {
  const { catalog, problems } = await loadCatalog(dir === undefined ? {} : dir);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    dir: dir ?? 'catalog/data',
    valid: !hasErrors(problems),
    errors,
    warnings: problems.length - errors,
    summary: summarizeCatalog(catalog),
    problems,
  };
}
