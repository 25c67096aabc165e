import type { Catalog } from '../../catalog/index.ts';
import {
  currentVersion,
  dependentsOf,
  findIntegration,
  findSystem,
  integrationsByArea,
  packagesOf,
  requirementsOf,
  type RequiredPackage,
  type Requirement,
} from '../../catalog/index.ts';
import { closest } from '../../catalog/index.ts';
import type { Integration, IntegrationVersion, SkiSystem } from '../../catalog/index.ts';
import { UsageError } from '../usage-error.ts';

/** One line of `klarmeld catalog list`. */
export interface IntegrationRow {
  id: string;
  title: string;
  platform?: string;
  publicInformation: string;
  /** KOMBIT's number of the current version; absent while `lifecycle` is set: the number is not published. */
  currentVersion?: string;
  /** The current version's lifecycle; absent when the integration has no current version. */
  lifecycle?: string;
  services: number;
}

function row(integration: Integration): IntegrationRow {
  const current = currentVersion(integration);
  const r: IntegrationRow = {
    id: integration.id,
    title: integration.title,
    publicInformation: integration.publicInformation,
    services: current?.services.length ?? 0,
  };
  if (integration.platform) r.platform = integration.platform;
  if (current) r.lifecycle = current.lifecycle;
  if (current?.version !== undefined) r.currentVersion = current.version;
  return r;
}

const byId = (a: Integration, b: Integration) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** Every integration, or those a service area requires; an unknown area is a usage error that names the known ones. */
export function listIntegrations(catalog: Catalog, area?: string): IntegrationRow[] {
  if (area === undefined) return [...catalog.integrations].sort(byId).map(row);
  if (!catalog.areas.some((a) => a.id === area)) {
    throw new UsageError(
      `The catalogue has no service area "${area}". Known areas: ${catalog.areas.map((a) => a.id).join(', ')}.`,
    );
  }
  return integrationsByArea(catalog, area).map(row);
}

export interface IntegrationDetails {
  integration: Integration;
  current?: IntegrationVersion;
  dependents: { integrations: string[]; packages: string[] };
}

export function showIntegration(catalog: Catalog, id: string): IntegrationDetails {
  const integration = findIntegration(catalog, id) ?? findIntegration(catalog, id.toUpperCase());
  if (!integration) {
    const guess = closest(
      id,
      catalog.integrations.map((i) => i.id),
    );
    throw new UsageError(
      `The catalogue has no integration "${id}".${guess ? ` Did you mean ${guess}?` : ''} Run "klarmeld catalog list" to see them all.`,
    );
  }
  const dependents = dependentsOf(catalog, integration.id);
  const details: IntegrationDetails = {
    integration,
    dependents: {
      integrations: dependents.integrations.map((i) => i.id),
      packages: dependents.packages.map((p) => p.id),
    },
  };
  const current = currentVersion(integration);
  if (current) details.current = current;
  return details;
}

export interface RequiredView {
  system: SkiSystem;
  /** The integration packages (I-krav) the system's use cases require: KOMBIT's estimate (KOMBIT skøn). */
  packages: RequiredPackage[];
  required: (Requirement & { title?: string })[];
  excepted: (Requirement & { title?: string; reason: string })[];
}

export function requiredOf(catalog: Catalog, systemId: string): RequiredView {
  const { system, required, excepted } = requirementsOf(catalog, systemId);
  if (!system) {
    const guess = closest(
      systemId,
      catalog.systems.map((s) => s.id),
    );
    throw new UsageError(
      `The catalogue has no system "${systemId}".${guess ? ` Did you mean ${guess}?` : ''} Known systems: ${catalog.systems.map((s) => s.id).join(', ')}.`,
    );
  }
  const titled = <T extends Requirement>(r: T) => ({
    ...r,
    ...(findIntegration(catalog, r.integration) && { title: findIntegration(catalog, r.integration)!.title }),
  });
  return {
    system,
    packages: packagesOf(catalog, system),
    required: required.map(titled),
    excepted: excepted.map(titled),
  };
}
