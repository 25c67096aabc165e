/**
 * Whom a run's evidence is about. A run document says which SKI system it is for
 * (`profile.system`); the platform's attestation says which it-system's certificate asked for it
 * and which system that run claimed to be for (`statement.system`). A run proves something about
 * a system only when all three agree: the profile, the attested claim, and the catalogue's
 * `userSystemUuid` of that system equal to the attested it-system. Without this check a supplier
 * could test its own system and record the run for another supplier's (issue 9).
 *
 * `klarmeld verify` and the onboarding sheet both call this one function; the sheet always with
 * its catalogue, `verify` with the catalogue it ships.
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import type { RunDocument } from './run-document.ts';

export interface SystemBindingProblem {
  code: 'system-not-attested' | 'system-mismatch' | 'exchange-other-system';
  message: string;
  test?: string;
}

/** What the catalogue says of the run's system: the attested it-system, another one, or nothing. */
export type CatalogueBinding = 'matches' | 'other-it-system' | 'not-in-catalogue';

export interface SystemBinding {
  problems: SystemBindingProblem[];
  /** Set when a catalogue was given. */
  catalogue?: CatalogueBinding;
}

/** The problems of a run's system binding; an unattested run has none here (verify reports it unattested). */
export function systemBinding(document: RunDocument, catalog?: Catalog): SystemBinding {
  const statement = document.attestation?.statement;
  if (!statement) return { problems: [] };
  const problems: SystemBindingProblem[] = [];
  const claimed = document.profile.system;
  const attested = statement.system;
  if (attested.id !== claimed) {
    problems.push({
      code: 'system-not-attested',
      message: `The run is for ${claimed}, but the platform attested it for ${attested.id} (it-system ${attested.uuid}, ${attested.name}): its evidence says nothing about ${claimed}`,
    });
  }
  for (const test of document.tests) {
    const foreign = test.exchanges.filter((e) => e.systemUuid !== attested.uuid);
    if (foreign.length > 0) {
      problems.push({
        code: 'exchange-other-system',
        test: test.id,
        message: `${test.id} attaches ${foreign.length} exchange${foreign.length === 1 ? '' : 's'} of another it-system (${[...new Set(foreign.map((e) => String(e.systemUuid)))].join(', ')}) than the attested ${attested.uuid}`,
      });
    }
  }
  if (!catalog) return { problems };
  // The one resolver the sheet and the platform use too (by id or by it-system UUID), so a run
  // that names its system by UUID is bound exactly like one that names it by id.
  const listed = findSystem(catalog, claimed);
  if (listed && listed.userSystemUuid !== attested.uuid) {
    problems.push({
      code: 'system-mismatch',
      message: `The run is for ${listed.name} (${listed.id}), whose it-system UUID in the catalogue is ${listed.userSystemUuid}, but its evidence was made with the certificate of it-system ${attested.uuid} (${attested.name}): one system's exchanges never count for another`,
    });
  }
  return {
    problems,
    catalogue: !listed ? 'not-in-catalogue' : listed.userSystemUuid === attested.uuid ? 'matches' : 'other-it-system',
  };
}
