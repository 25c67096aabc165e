/**
 * The sheet as KOMBIT reads it: one row per SKI system, one column per integration, each cell
 * the current status as `currentStatuses` gives it (the sheet's latest event, else the catalogue's
 * declaration). Pure: catalogue and current events in, matrix out. Used by `sheet show` and the
 * Excel export and import.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import { requiredIntegrations } from '../../catalog/query.ts';
import { currentStatuses, type CurrentStatus } from './current-status.ts';
import type { EventSource, StatusEvent } from './status-event.ts';

export interface MatrixCell {
  integration: string;
  /** Whether the system must (mandatory) or may (supplementary) connect; absent when not required. */
  level?: 'mandatory' | 'supplementary';
  status?: string;
  reason?: string;
  at?: string;
  source?: EventSource | 'catalogue';
  runId?: string;
}

export interface MatrixRow {
  system: string;
  name: string;
  supplier: string;
  supplierName: string;
  areas: string[];
  cells: MatrixCell[];
}

export interface StatusLegend {
  code: string;
  label: string;
  labelEn: string;
  colour: string;
  textColour: string;
  /** A short mark for narrow cells: the initials of the code, e.g. DK for delvist-klarmeldt. */
  mark: string;
}

export interface SheetMatrix {
  columns: string[];
  rows: MatrixRow[];
  legend: StatusLegend[];
}

export interface MatrixFilter {
  supplier?: string;
  area?: string;
  /** Keep systems with at least one cell in this status (a code). */
  status?: string;
  /** One column per catalogue integration (the Excel sheet) instead of only those the rows need. */
  allIntegrations?: boolean;
}

export const statusMark = (code: string) => code.split('-').map((part) => part[0]!.toUpperCase()).join('');
const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function cellOf(current: CurrentStatus, level: MatrixCell['level']): MatrixCell {
  return {
    integration: current.integration, level, status: current.status, reason: current.reason, source: current.source,
    ...(current.source !== 'catalogue' ? { at: current.at, runId: current.evidence?.runId } : {}),
  };
}

export function buildMatrix(catalog: Catalog, current: readonly StatusEvent[], filter: MatrixFilter = {}): SheetMatrix {
  const suppliers = new Map(catalog.suppliers.map((s) => [s.cvr, s.name]));
  const statuses = currentStatuses(catalog, current);
  const systems = catalog.systems.filter((s) => (!filter.supplier || s.supplier === filter.supplier) && (!filter.area || s.areas.includes(filter.area)));
  const drafts = systems.map((system) => {
    const levels = new Map(requiredIntegrations(catalog, system.id).map((r) => [r.integration, r.level]));
    const cells = new Map<string, MatrixCell>();
    for (const [integration, level] of levels) cells.set(integration, { integration, level });
    for (const status of statuses.ofSystem(system.id)) cells.set(status.integration, cellOf(status, levels.get(status.integration)));
    return { system, cells };
  });
  const kept = filter.status ? drafts.filter((d) => [...d.cells.values()].some((c) => c.status === filter.status)) : drafts;
  const columns = filter.allIntegrations
    ? catalog.integrations.map((i) => i.id).sort(byNumber)
    : [...new Set(kept.flatMap((d) => [...d.cells.keys()]))].sort(byNumber);
  return {
    columns,
    rows: kept.map(({ system, cells }) => ({
      system: system.id, name: system.name, supplier: system.supplier, supplierName: suppliers.get(system.supplier) ?? system.supplier, areas: system.areas,
      cells: columns.map((integration) => cells.get(integration) ?? { integration }),
    })),
    legend: catalog.statuses.map((s) => ({ code: s.code, label: s.label, labelEn: s.labelEn, colour: s.colour, textColour: s.textColour, mark: statusMark(s.code) })),
  };
}
