/**
 * The municipality a judged run acts for (`POST /api/runs {municipality}`): Korsbæk, the test
 * municipality, unless the supplier names one the catalogue says uses the system. Its decision
 * on the system's agreements (approved, rejected, none) is what the run's
 * `platform.agreement-approved` test then finds on the platform.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { SkiSystem } from '../../catalog/index.ts';
import { ApiError } from '../api/api-error.ts';
import { testMunicipalityCvr } from '../platform/system-on-platform.ts';

/** The municipality's CVR, given its kommunekode or CVR; Korsbæk's when none is given. */
export function runMunicipalityCvr(catalog: Catalog, system: SkiSystem, given: string | undefined): string {
  if (given === undefined) return testMunicipalityCvr;
  const municipality = catalog.municipalities.find((m) => m.code === given || m.cvr === given);
  if (!municipality) {
    throw new ApiError(
      400,
      'run.unknown-municipality',
      `"municipality": no municipality with kommunekode or CVR "${given}" in the catalogue. Give a kommunekode (e.g. "791") or a CVR, or leave it out to run for Korsbæk Kommune, the test municipality.`,
    );
  }
  if (municipality.cvr !== testMunicipalityCvr && !system.municipalities.includes(municipality.cvr)) {
    throw new ApiError(
      409,
      'run.municipality-not-using',
      `${system.name} (${system.id}) cannot be run for ${municipality.name}: the catalogue does not list it among the system's municipalities. Run for one of them, or for Korsbæk Kommune (leave "municipality" out).`,
    );
  }
  return municipality.cvr;
}
