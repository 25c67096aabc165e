/**
 * The connection report (tilslutningsrapport) of one SKI system: supplier, municipalities using
 * it, service areas, use cases, and every mandatory and supplementary integration with its
 * klarmelding status (as `currentStatuses` gives it), the date and the evidence. Pure: catalogue
 * and current events in.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { findSystem, requirementsOf } from '../../catalog/query.ts';
import { useCasesOf } from '../../catalog/query-required.ts';
import { currentStatuses } from './current-status.ts';
import type { EventEvidence, EventSource, StatusEvent } from './status-event.ts';

export interface ReportIntegration {
  integration: string;
  title: string;
  level: 'mandatory' | 'supplementary';
  package: string;
  useCase: string;
  via?: string;
  status?: string;
  label?: string;
  reason?: string;
  at?: string;
  source?: EventSource | 'catalogue';
  evidence?: EventEvidence;
}

export interface ConnectionReport {
  system: { id: string; name: string; userSystemUuid: string };
  supplier: { cvr: string; name: string };
  municipalities: { cvr: string; name: string }[];
  areas: { id: string; name: string }[];
  useCases: { id: string; title: string }[];
  integrations: ReportIntegration[];
  excepted: { integration: string; reason: string }[];
  /** Required (mandatory) integrations declared ready, of all mandatory ones. */
  ready: { mandatory: number; ready: number };
}

export function buildConnectionReport(catalog: Catalog, systemId: string, current: readonly StatusEvent[]): ConnectionReport | undefined {
  const system = findSystem(catalog, systemId);
  if (!system) return undefined;
  const { required, excepted } = requirementsOf(catalog, system.id);
  const statuses = new Map(catalog.statuses.map((s) => [s.code, s]));
  const now = currentStatuses(catalog, current);
  const integrations = required.map((r): ReportIntegration => {
    const found = now.of(system.id, r.integration);
    return {
      integration: r.integration,
      title: catalog.integrations.find((i) => i.id === r.integration)?.title ?? r.integration,
      level: r.level, package: r.package, useCase: r.useCase, ...(r.via ? { via: r.via } : {}),
      ...(found ? { status: found.status, label: statuses.get(found.status)?.label ?? found.status, source: found.source } : {}),
      ...(found?.reason ? { reason: found.reason } : {}),
      ...(found && found.source !== 'catalogue' ? { at: found.at, ...(found.evidence ? { evidence: found.evidence } : {}) } : {}),
    };
  });
  const municipalities = new Map(catalog.municipalities.map((m) => [m.cvr, m.name]));
  const mandatory = integrations.filter((i) => i.level === 'mandatory');
  return {
    system: { id: system.id, name: system.name, userSystemUuid: system.userSystemUuid },
    supplier: { cvr: system.supplier, name: catalog.suppliers.find((s) => s.cvr === system.supplier)?.name ?? system.supplier },
    municipalities: system.municipalities.map((cvr) => ({ cvr, name: municipalities.get(cvr) ?? cvr })),
    areas: system.areas.map((id) => ({ id, name: catalog.areas.find((a) => a.id === id)?.name ?? id })),
    useCases: useCasesOf(catalog, system).map((u) => ({ id: u.id, title: u.title })),
    integrations,
    excepted: excepted.map((e) => ({ integration: e.integration, reason: e.reason })),
    ready: { mandatory: mandatory.length, ready: mandatory.filter((i) => i.status && statuses.get(i.status)?.ready).length },
  };
}
