/**
 * The connection report (tilslutningsrapport) of one SKI system, as KOMBIT's example has it
 * (seeds/002_…): supplier, municipalities using it, service areas, use cases, the obligatory and
 * supplementary packages (I-krav), and every integration with its klarmelding status (as
 * `currentStatuses` gives it), the date and the evidence. The use cases, packages and
 * integrations are KOMBIT's estimate ("KOMBIT skøn"), and the report says so (`estimate`).
 * Pure: catalogue and current events in.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { OnboardingStatus } from '../../catalog/index.ts';
import { findSystem, packagesOf, requirementsOf, spreadOf } from '../../catalog/index.ts';
import { useCasesOf } from '../../catalog/index.ts';
import { currentStatuses } from './current-status.ts';
import { backingKindLabels, type Backing } from './declaration-backing.ts';
import type { EventEvidence, EventSource, StatusEvent } from './status-event.ts';

export interface ReportIntegration {
  integration: string;
  title: string;
  level: 'mandatory' | 'supplementary';
  /** Absent when the sources require the integration without naming a package (`packageNotGiven`). */
  package?: string;
  packageNotGiven?: true;
  useCase: string;
  via?: string;
  status?: string;
  label?: string;
  /** The connection report's code as KOMBIT writes it ("🟢 1. Ja"), where the vocabulary gives one. */
  code?: string;
  reason?: string;
  at?: string;
  source?: EventSource | 'catalogue';
  evidence?: EventEvidence;
  /** The cell's word as KOMBIT writes it ("Delvist", "Forløb 3"). */
  word?: string;
  /** What backs the declaration: nothing, or a run on the supplier's own platform or one KOMBIT trusts. */
  backing?: Backing;
  /** The kind of evidence in a reader's words, beside every status ("kørsel på leverandørens egen platform", "intet belæg"). */
  backingLabel?: { da: string; en: string };
  /**
   * Udbredelse: in how many of the municipalities using the system an approved service
   * agreement for this integration is known (`connected` of `of`). Absent when the catalogue
   * holds no agreement list.
   */
  spread?: { connected: number; of: number };
}

/** The words KOMBIT's report puts on what is its estimate rather than a decision. */
export const KOMBIT_ESTIMATE = 'KOMBIT skøn';

export interface ConnectionReport {
  /** `fictional`: the system is one of the project's examples, not a real SKI system. */
  system: { id: string; name: string; userSystemUuid: string; fictional: boolean };
  supplier: { cvr: string; name: string; fictional: boolean };
  municipalities: { cvr: string; name: string }[];
  areas: { id: string; name: string }[];
  /** What is KOMBIT's estimate on this report: the use cases, the packages and the integrations. */
  estimate: { label: typeof KOMBIT_ESTIMATE; covers: ['useCases', 'packages', 'integrations'] };
  useCases: { id: string; title: string; fictional: boolean }[];
  /** The packages (I-krav) the use cases require, mandatory first, with KOMBIT's titles. */
  packages: { id: string; title: string; level: 'mandatory' | 'supplementary'; fictional: boolean }[];
  integrations: ReportIntegration[];
  excepted: { integration: string; reason: string }[];
  /** Required (mandatory) integrations declared ready, of all mandatory ones. */
  ready: { mandatory: number; ready: number };
}

/** "🟢 1. Ja" from the vocabulary's report code; undefined where KOMBIT's sources give the status none. */
function reportCodeOf(status: OnboardingStatus | undefined): string | undefined {
  const code = status?.reportCode;
  return code ? `${code.sign} ${code.number}. ${code.word}` : undefined;
}

export function buildConnectionReport(
  catalog: Catalog,
  systemId: string,
  current: readonly StatusEvent[],
): ConnectionReport | undefined {
  const system = findSystem(catalog, systemId);
  if (!system) return undefined;
  const { required, excepted } = requirementsOf(catalog, system.id);
  const statuses = new Map(catalog.statuses.map((s) => [s.code, s]));
  const now = currentStatuses(catalog, current);
  const spread = spreadOf(catalog, system);
  const integrations = required.map((r): ReportIntegration => {
    const found = now.of(system.id, r.integration);
    return {
      integration: r.integration,
      title: catalog.integrations.find((i) => i.id === r.integration)?.title ?? r.integration,
      level: r.level,
      ...(r.package ? { package: r.package } : {}),
      ...(r.packageNotGiven ? { packageNotGiven: true as const } : {}),
      useCase: r.useCase,
      ...(r.via ? { via: r.via } : {}),
      ...(spread ? { spread: { connected: spread(r.integration).connected, of: spread(r.integration).of } } : {}),
      ...(found
        ? { status: found.status, label: statuses.get(found.status)?.label ?? found.status, source: found.source }
        : {}),
      ...(found && reportCodeOf(statuses.get(found.status)) ? { code: reportCodeOf(statuses.get(found.status)) } : {}),
      ...(found?.reason ? { reason: found.reason } : {}),
      ...(found?.word ? { word: found.word } : {}),
      ...(found?.backing ? { backing: found.backing } : {}),
      // Every status says what backs it, "intet belæg" included, so no declaration reads as tested (issue 11).
      ...(found?.status ? { backingLabel: { ...backingKindLabels[found.backing?.kind ?? 'none'] } } : {}),
      ...(found && found.source !== 'catalogue'
        ? { at: found.at, ...(found.evidence ? { evidence: found.evidence } : {}) }
        : {}),
    };
  });
  const municipalities = new Map(catalog.municipalities.map((m) => [m.cvr, m.name]));
  const mandatory = integrations.filter((i) => i.level === 'mandatory');
  const supplier = catalog.suppliers.find((s) => s.cvr === system.supplier);
  return {
    system: { id: system.id, name: system.name, userSystemUuid: system.userSystemUuid, fictional: system.fictional },
    supplier: {
      cvr: system.supplier,
      name: supplier?.name ?? system.supplier,
      fictional: supplier?.fictional ?? false,
    },
    municipalities: system.municipalities.map((cvr) => ({ cvr, name: municipalities.get(cvr) ?? cvr })),
    areas: system.areas.map((id) => ({ id, name: catalog.areas.find((a) => a.id === id)?.name ?? id })),
    estimate: { label: KOMBIT_ESTIMATE, covers: ['useCases', 'packages', 'integrations'] },
    useCases: useCasesOf(catalog, system).map((u) => ({ id: u.id, title: u.title, fictional: u.fictional })),
    packages: packagesOf(catalog, system).map((p) => ({
      id: p.id,
      title: p.title,
      level: p.level,
      fictional: p.fictional,
    })),
    integrations,
    excepted: excepted.map((e) => ({ integration: e.integration, reason: e.reason })),
    ready: {
      mandatory: mandatory.length,
      ready: mandatory.filter((i) => i.status && statuses.get(i.status)?.ready).length,
    },
  };
}
