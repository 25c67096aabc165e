import { AsyncLocalStorage } from 'node:async_hooks';
import {
  loadKorsbaek,
  type CatalogProblem,
  type KorsbaekPerson,
  type KorsbaekTestData,
  type KorsbaekUnit,
  type KorsbaekUser,
} from '../../../catalog/index.ts';
import { EnvironmentError } from '../../framework/index.ts';

/**
 * Which of Korsbæk Kommune's test data the suites use: keys into the catalogue's test data
 * (catalog/data/korsbaek/), never a copy of its values. What a key stands for (a person's name and
 * address, a user's name, a unit's name) is read from the catalogue when a test runs, the data the
 * embedded platform serves. korsbaek-data.test.ts fails when a key is not (or an unknown one is) there.
 */
export const korsbaekKeys = {
  /** Anne Marie Hansen, a test person the CPR replica knows (korsbaek/persons.yaml). */
  personCpr: '0103701111',
  /** A CPR number no test person has: PersonLookup answers with a fault. */
  unknownCpr: '3112999999',
  /** Ulla Jakobsen, sagsbehandler at Jobcenter Korsbæk (SF1500 Bruger, korsbaek/organisation.yaml). */
  userUuid: '273e2e2b-8778-44c9-8a65-9af669655990',
  /** A Bruger UUID no user has: laes answers "not found". */
  unknownUserUuid: '0d6c1b7e-3f0a-4c55-9e2b-6f1d2a4b5c6d',
  /** Jobcenter Korsbæk (SF1500 OrganisationEnhed): a search by its name finds it. */
  unitUuid: '8d47b0cf-e86e-4cd4-8a44-107b3d908b62',
} as const;

/** Korsbæk's test data as the suites compare with it. */
export interface SuiteKorsbaek {
  persons: readonly KorsbaekPerson[];
  /** The user `korsbaekKeys.userUuid`. */
  user: KorsbaekUser;
  /** The unit `korsbaekKeys.unitUuid`. */
  unit: KorsbaekUnit;
}

let loaded: Promise<SuiteKorsbaek> | undefined;
const ofRun = new AsyncLocalStorage<KorsbaekTestData>();
const fromRun = new WeakMap<KorsbaekTestData, Promise<SuiteKorsbaek>>();

/**
 * Runs `work` (a run's suites) with `korsbaek`, the test data of the catalogue the run loaded, as
 * what korsbaekData() gives inside it: the suites then compare with the very data the embedded
 * platform serves, already checked with the catalogue (or read from its cache), instead of parsing
 * Korsbæk's YAML once more in every `klarmeld test` process (11–15 ms of CPU, cold). Scoped to
 * the call, so runs in one process (klarmeld server) each see their own catalogue's data.
 */
export function withKorsbaekOf<T>(korsbaek: KorsbaekTestData, work: () => T): T {
  return ofRun.run(korsbaek, work);
}

/**
 * Korsbæk's test data of the run's catalogue (inside withKorsbaekOf), else of the shipped
 * catalogue (read once, when a test first needs it), or of the catalogue directory `dir`. A
 * missing or broken file, or a key it lacks, is klarmeld's own fault, not the system's: an
 * EnvironmentError that names the file to fix.
 */
export function korsbaekData(dir?: string): Promise<SuiteKorsbaek> {
  if (dir !== undefined) return fromDir(dir);
  const run = ofRun.getStore();
  if (run) {
    let data = fromRun.get(run);
    if (!data) fromRun.set(run, (data = Promise.resolve().then(() => suiteData(run, []))));
    return data;
  }
  loaded ??= fromDir().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function fromDir(dir?: string): Promise<SuiteKorsbaek> {
  const { korsbaek, problems } = await loadKorsbaek(dir);
  return suiteData(korsbaek, problems);
}

/** The parts the suites use; `problems`, when the data was read here, say where a missing one broke. */
function suiteData(korsbaek: KorsbaekTestData, problems: CatalogProblem[]): SuiteKorsbaek {
  const broken = problems.filter((p) => p.severity === 'error');
  const missing = (what: string) =>
    new EnvironmentError(
      'korsbaek-data',
      `Korsbæk's test data ${what}${broken.length ? ` (${broken.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('; ')})` : ''}. Fix catalog/data/korsbaek/ and run \`klarmeld catalog check\`.`,
    );
  if (!korsbaek.persons) throw missing('has no persons (korsbaek/persons.yaml)');
  const user = korsbaek.organisation?.users.find((u) => u.uuid === korsbaekKeys.userUuid);
  if (!user) throw missing(`has no user ${korsbaekKeys.userUuid} (korsbaek/organisation.yaml)`);
  const unit = korsbaek.organisation?.units.find((u) => u.uuid === korsbaekKeys.unitUuid);
  if (!unit) throw missing(`has no unit ${korsbaekKeys.unitUuid} (korsbaek/organisation.yaml)`);
  return { persons: korsbaek.persons.persons, user, unit };
}
