import type { Catalog } from '../../catalog/index.ts';
import { contractStateOf, findSystem, requiredIntegrations, type ContractState } from '../../catalog/index.ts';
import { restContractServices } from '../../catalog/index.ts';
import { moduleSources } from '../../conformance/platform/index.ts';
import { contractServices } from '../../conformance/platform/index.ts';
import { UsageError } from '../usage-error.ts';

export type { ContractState };
export type SimulationState = 'hand-written' | 'generated' | 'none';
export type SuiteState = 'hand-written' | 'generic' | 'none';

/** One integration's coverage: can klarmeld simulate and test it, and why not. */
export interface CoverageRow {
  integration: string;
  title: string;
  /** With --system: mandatory or supplementary for that system. */
  level?: 'mandatory' | 'supplementary';
  contract: ContractState;
  simulation: SimulationState;
  suite: SuiteState;
  /** Operations the contract module serves, of the operations with a derived request. */
  generatedOperations?: number;
  /** Why it is not simulated, when it is not (the contract module's reason, or the unpublished contract's). */
  why?: string;
}

export interface Coverage {
  system?: { id: string; name: string };
  integrations: CoverageRow[];
  summary: {
    integrations: number;
    mandatory?: number;
    simulated: number;
    withSuite: number;
    mandatorySimulatedWithSuite?: number;
  };
}

/** What the platform and the suites cover, read from their code's registries (the module list and the suite index). */
export interface Implemented {
  handWrittenSimulations: Set<string>;
  handWrittenPaths: Set<string>;
  handWrittenSuites: Set<string>;
  genericSuites: Set<string>;
}

/** Loads every hand-written platform module (as `klarmeld platform start` does) and the suite index, to see what they cover. */
export async function implemented(catalog: Catalog): Promise<Implemented> {
  const simulations = new Set<string>();
  const paths = new Set<string>();
  for (const source of moduleSources.filter((s) => s.name !== 'contract')) {
    const m = await source.load();
    const module = m.platformModule ?? (await m.createPlatformModule!(catalog));
    for (const h of module.handlers ?? []) {
      simulations.add(h.integration);
      paths.add(h.path.replace(/\/$/, ''));
    }
    for (const id of module.simulates ?? []) simulations.add(id);
  }
  const { suitesByIntegration, genericSuitesFor } = await import('../../conformance/suites/index.ts');
  return {
    handWrittenSimulations: simulations,
    handWrittenPaths: paths,
    handWrittenSuites: new Set(Object.keys(suitesByIntegration)),
    // The generic suite (issue 12 item 3): one per integration with an imported contract and no hand-written suite.
    genericSuites: new Set(Object.keys(genericSuitesFor(catalog))),
  };
}

/**
 * Per integration (all, or those a SKI system requires): is its contract imported, not published,
 * or not imported yet; is it simulated by a hand-written module, by the contract module, or not;
 * has it a hand-written suite, the generic one, or none.
 */
export function catalogCoverage(catalog: Catalog, done: Implemented, systemId?: string): Coverage {
  const system = systemId === undefined ? undefined : findSystem(catalog, systemId);
  if (systemId !== undefined && !system)
    throw new UsageError(`The catalogue has no system "${systemId}". Run "klarmeld catalog systems" to list them.`);
  const required = system ? requiredIntegrations(catalog, system.id) : undefined;
  const { served, unserved } = contractServices(catalog);
  const rest = restContractServices(catalog);
  const unpublished = new Map(catalog.unpublishedContracts.map((u) => [u.integration, u]));
  const ids = required ? required.map((r) => r.integration) : catalog.integrations.map((i) => i.id);
  const rows = ids.map((id): CoverageRow => {
    const integration = catalog.integrations.find((i) => i.id === id);
    const contract = contractStateOf(catalog, id);
    const imported = contract === 'imported';
    // The SOAP services of the contract module and the REST services of the rest-contract module.
    const generated = [
      ...served.filter((s) => s.integration === id && !done.handWrittenPaths.has(s.path.replace(/\/$/, ''))),
      ...rest.filter((s) => s.integration === id),
    ];
    const simulation: SimulationState = done.handWrittenSimulations.has(id)
      ? 'hand-written'
      : generated.length > 0
        ? 'generated'
        : 'none';
    const suite: SuiteState = done.handWrittenSuites.has(id)
      ? 'hand-written'
      : done.genericSuites.has(id)
        ? 'generic'
        : 'none';
    const level = required?.find((r) => r.integration === id)?.level;
    const why =
      simulation !== 'none'
        ? undefined
        : (unpublished.get(id)?.reason ??
          unserved
            .filter((u) => u.integration === id)
            .map((u) => `${u.service}: ${u.reason}`)
            .join('; ') ??
          undefined);
    return {
      integration: id,
      title: integration?.title ?? id,
      ...(level && { level }),
      contract,
      simulation,
      suite,
      ...(generated.length > 0 && { generatedOperations: generated.reduce((n, s) => n + s.operations.length, 0) }),
      ...(why
        ? { why }
        : simulation === 'none' && {
            why: imported
              ? 'no service has a path on the platform and a security model the platform checks'
              : 'its contract is not imported (klarmeld catalog import-contract)',
          }),
    };
  });
  const covered = (r: CoverageRow) => r.simulation !== 'none' && r.suite !== 'none';
  const mandatory = rows.filter((r) => r.level === 'mandatory');
  return {
    ...(system && { system: { id: system.id, name: system.name } }),
    integrations: rows,
    summary: {
      integrations: rows.length,
      simulated: rows.filter((r) => r.simulation !== 'none').length,
      withSuite: rows.filter((r) => r.suite !== 'none').length,
      ...(system && { mandatory: mandatory.length, mandatorySimulatedWithSuite: mandatory.filter(covered).length }),
    },
  };
}

/** The coverage as plain text for a person (the command prints it). */
export function coverageText(c: Coverage): string {
  const head = c.system
    ? `Coverage of ${c.system.name} (${c.system.id})`
    : 'Coverage of every integration in the catalogue';
  const lines = [
    head,
    '',
    `${'integration'.padEnd(12)} ${'level'.padEnd(13)} ${'contract'.padEnd(28)} ${'simulation'.padEnd(13)} suite`,
  ];
  for (const r of c.integrations) {
    lines.push(
      `${r.integration.padEnd(12)} ${(r.level ?? '').padEnd(13)} ${r.contract.padEnd(28)} ${r.simulation.padEnd(13)} ${r.suite}`,
    );
    if (r.why) lines.push(`${' '.repeat(13)}${r.why}`);
  }
  const s = c.summary;
  lines.push(
    '',
    `${s.simulated} of ${s.integrations} simulated, ${s.withSuite} with a suite${s.mandatory !== undefined ? `; ${s.mandatorySimulatedWithSuite} of ${s.mandatory} mandatory ones simulated and with a suite` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
