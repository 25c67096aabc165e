/**
 * Re-derives a run's verdicts from what it recorded (issue 13): every test of every shipped
 * suite the run names is run again, offline, against its tape (replay-test.ts). A verdict that
 * differs, a shipped test missing from the run, a body that asks its tape for something it does
 * not hold, a pass with no tape: each is a problem naming the test. A suite version this
 * klarmeld does not ship cannot be re-derived, and says so: it is never taken on trust.
 */
import { canonicalJson } from '../evidence/index.ts';
import { suiteTests, type SuiteDefinition } from './definition.ts';
import { replayTest, type ReplayEnvironmentFactory } from './replay-test.ts';
import { suiteRequirements } from './requirements.ts';
import { strongestLevel } from './results.ts';
import type { ExchangeRecord, RunDocument } from './run-document.ts';
import type { TapeEntry } from './tape.ts';
import { untapedProblem } from './untaped-outcome.ts';

export interface RederiveProblem {
  code:
    | 'cannot-rederive'
    | 'test-missing'
    | 'test-unknown'
    | 'test-edited'
    | 'tape-missing'
    | 'omitted-alone'
    | 'left-tape'
    | 'tape-unused'
    | 'verdict-differs';
  message: string;
  test?: string;
}

export interface RederiveReport {
  suites: { suite: string; version: string; rederived: boolean }[];
  /** Tests run again against their tapes, and how many of them came to the run's verdict. */
  replayed: number;
  agreed: number;
  /**
   * Tape answers by kind that are not platform-signed exchanges: the system's trigger replies,
   * the platform's replies to the runner's own calls, push replies, clock readings, new ids.
   * A countersigned run has them on the runner's word; only a run the trusted side made
   * itself (klarmeld server) has them on the signer's.
   */
  unsigned: Record<string, number>;
  problems: RederiveProblem[];
}

export interface RederiveOptions {
  /**
   * Suites whose groups are operations a profile may leave out (klarmeld's generic suites): the
   * runner may omit whole groups of them. Every other suite is omitted whole or not at all.
   */
  omitsGroups?: (suiteId: string) => boolean;
}

export async function rederiveRun<E>(
  document: RunDocument,
  shipped: SuiteDefinition<E, any>[],
  environmentFor: ReplayEnvironmentFactory<E>,
  options: RederiveOptions = {},
): Promise<RederiveReport> {
  const report: RederiveReport = { suites: [], replayed: 0, agreed: 0, unsigned: {}, problems: [] };
  const problem = (p: RederiveProblem) => void report.problems.push(p);
  const { replay } = document;
  // A replay reads only exchanges the platform attested (all of them in a run it did not attest, which verifyRun refuses anyway).
  const attestedDigests = document.attestation ? new Set(document.attestation.statement.exchanges) : undefined;
  const records = new Map<string, ExchangeRecord>();
  for (const record of [...document.tests.flatMap((t) => t.exchanges), ...(replay?.exchanges ?? [])]) {
    if (!attestedDigests || attestedDigests.has(record.digest)) records.set(record.digest, record);
  }
  const tapes = new Map((replay?.tapes ?? []).map((tape) => [tape.test, tape]));
  const twice = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  for (const id of twice([
    ...document.tests.map((t) => t.id),
    ...(replay?.tapes ?? []).map((t) => `tape of ${t.test}`),
  ])) {
    problem({ code: 'test-edited', message: `${id} appears twice in the run: a runner records each test once` });
  }
  // The tests saw the system the run is for, as the platform attested it: the tapes' description must say so.
  const seen = (replay?.environment as { system?: { id?: unknown; userSystemUuid?: unknown } } | undefined)?.system;
  const attested = document.attestation?.statement.system;
  if (replay && (seen?.id !== document.profile.system || (attested && seen?.userSystemUuid !== attested.uuid))) {
    problem({
      code: 'test-edited',
      message: `The tapes describe the system the tests saw as ${String(seen?.id)} (it-system ${String(seen?.userSystemUuid)}), not the run's ${document.profile.system}${attested ? ` (it-system ${attested.uuid}, as attested)` : ''}`,
    });
  }
  const known = new Set<string>();
  for (const suiteRecord of document.suites) {
    const suite = shipped.find((s) => s.id === suiteRecord.id);
    const entry = { suite: suiteRecord.id, version: suiteRecord.version, rederived: false };
    report.suites.push(entry);
    const ofSuite = document.tests.filter((t) => t.suite === suiteRecord.id).map((t) => t.id);
    if (!suite || suite.version !== suiteRecord.version || suite.integration !== suiteRecord.integration || !replay) {
      // Not re-derived, and said so: its tests are neither judged nor "unknown".
    } else {
      for (const id of ofSuite) known.add(id);
    }
    if (!suite || suite.version !== suiteRecord.version || suite.integration !== suiteRecord.integration) {
      problem({
        code: 'cannot-rederive',
        message: `Suite ${suiteRecord.id} ${suiteRecord.version} (${suiteRecord.integration}) cannot be re-derived: this klarmeld ships ${suite ? `${suite.id} ${suite.version} (${suite.integration})` : 'no such suite'}. Verify the run with the klarmeld release that ran it.`,
      });
      continue;
    }
    if (!replay) {
      problem({
        code: 'cannot-rederive',
        message: `Suite ${suite.id} cannot be re-derived: the run (format ${document.format}) carries no tapes of what its tests did. Run the tests again with this klarmeld.`,
      });
      continue;
    }
    const requirements = await suiteRequirements(suite);
    const levels = new Map(requirements.requirements.map((r) => [r.id, r.level]));
    // Ids and levels decide verdicts; a text may be reworded (or translated) within a suite version.
    const decisive = (list: { id: string; level: string }[]) => canonicalJson(list.map((r) => [r.id, r.level]));
    const untestedIds = (list: { requirement: string }[]) => canonicalJson(list.map((u) => u.requirement));
    if (
      decisive(suiteRecord.requirements) !== decisive(requirements.requirements) ||
      untestedIds(suiteRecord.untested) !== untestedIds(suite.untested ?? [])
    ) {
      problem({
        code: 'test-edited',
        message: `The requirements the run gives suite ${suite.id} are not the shipped suite's: a requirement or its level was changed`,
      });
    }
    const entries = suiteTests(suite);
    // A body may omit its own test (taped, so replayed); the runner omits only whole suites.
    const byGroup = options.omitsGroups?.(suite.id) === true;
    for (const unit of byGroup ? suite.groups.map((g) => entries.filter((e) => e.group === g)) : [entries]) {
      const omitted = unit.filter(
        (e) => !tapes.has(e.id) && document.tests.find((t) => t.id === e.id)?.result === 'omit',
      );
      if (omitted.length > 0 && omitted.length < unit.length) {
        const whole = byGroup
          ? `group ${unit[0]!.group.id} of suite ${suite.id}: a runner leaves out whole operations a profile does not declare`
          : `suite ${suite.id}: a runner leaves out whole suites (--integration)`;
        problem({
          code: 'omitted-alone',
          message: `The run omits ${omitted.map((e) => e.id).join(', ')} but runs other tests of ${whole}, never single tests`,
        });
      }
    }
    const agreedBefore = report.agreed;
    for (const { id, group, test } of entries) {
      known.delete(id);
      const record = document.tests.find((t) => t.id === id);
      if (!record) {
        problem({
          code: 'test-missing',
          test: id,
          message: `${id} of shipped suite ${suite.id} ${suite.version} is missing from the run: a runner runs every test of a suite it names`,
        });
        continue;
      }
      const level = strongestLevel(test.verifies.map((v) => levels.get(v) ?? 'MAY'));
      const shape = {
        suite: suite.id,
        integration: suite.integration,
        group: group.id,
        groupTitle: group.title,
        title: test.title,
        verifies: test.verifies,
        level,
      };
      const recorded = {
        suite: record.suite,
        integration: record.integration,
        group: record.group,
        groupTitle: record.groupTitle,
        title: record.title,
        verifies: record.verifies,
        level: record.level,
      };
      if (canonicalJson(shape) !== canonicalJson(recorded)) {
        problem({
          code: 'test-edited',
          test: id,
          message: `${id}: the run describes it otherwise than the shipped suite (title, requirements or level ${record.level} instead of ${level})`,
        });
      }
      const tape = tapes.get(id);
      if (!tape) {
        const why = untapedProblem(record, test, document);
        if (why) problem({ code: 'tape-missing', test: id, message: why });
        continue;
      }
      report.replayed += 1;
      for (const entry of tape.entries)
        if (!signedAnswer(entry)) report.unsigned[entry.kind] = (report.unsigned[entry.kind] ?? 0) + 1;
      const verdict = await replayTest(test, record, tape, replay.environment, records, environmentFor);
      if (verdict.ok) report.agreed += 1;
      else problem({ code: verdict.code, test: id, message: verdict.message });
    }
    entry.rederived = report.agreed - agreedBefore === entries.filter((e) => tapes.has(e.id)).length;
  }
  for (const id of known)
    problem({
      code: 'test-unknown',
      test: id,
      message: `${id} is not a test of the shipped suite the run names: its verdict cannot come from klarmeld's suites`,
    });
  for (const test of document.tests.filter((t) => !document.suites.some((s) => s.id === t.suite))) {
    problem({ code: 'test-unknown', test: test.id, message: `${test.id} belongs to no suite the run names` });
  }
  return report;
}

/** Entries whose answer is platform-signed exchanges only: the recorder's, and a platform reply the platform recorded itself. */
function signedAnswer(entry: TapeEntry): boolean {
  if (entry.kind === 'recorder.since') return true;
  return (
    entry.kind === 'platform.call' && typeof (entry.answer as { exchange?: unknown } | undefined)?.exchange === 'string'
  );
}
