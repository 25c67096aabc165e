import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { exchangeDigest } from '../../conformance/evidence/index.ts';
import { summarise, verifyRun, type RunDocument } from '../../conformance/framework/index.ts';
import { referenceRun, type OpenRun } from './verify-rederive-run.ts';
import { verifyAndRederive } from './verify-rederive.ts';

let catalog: Catalog;
let genuine: OpenRun;
let faulty: OpenRun;

beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
  genuine = await referenceRun({ catalog });
  // A fault SF1520 catches in the exchanges the platform signed: UUIDs in upper case.
  faulty = await referenceRun({ catalog, integrations: ['SF1520'], faults: ['upper-case-uuids'] });
}, 120_000);
afterAll(async () => {
  await genuine?.close();
  await faulty?.close();
});

const caught = 'sf1520.lookup.lower-case-uuids';
const codes = (report: { problems: { code: string; test?: string }[] }) =>
  report.problems.map((p) => `${p.code}${p.test ? ` ${p.test}` : ''}`);

/** The tests a supplier wants gone: failed, or skipped because the fault removed their premise. */
const notPassed = (document: RunDocument) => document.tests.filter((t) => t.result !== 'pass' && t.result !== 'omit');

/** What a runner changed by the supplier writes: the failed tests passed, the summary made to agree. */
function passed(document: RunDocument, ids: string[]): RunDocument {
  const tests = document.tests.map(({ blame: _b, code: _c, message: _m, ...test }, i) =>
    ids.includes(test.id) ? { ...test, result: 'pass' as const } : document.tests[i]!,
  );
  return { ...document, tests, summary: summarise(tests) };
}

describe('klarmeld verify re-derives every verdict from the run', () => {
  it("accepts a genuine run of the reference system: every test of all five suites replayed on its tape comes to the run's verdict", async () => {
    const report = await verifyAndRederive(genuine.document, { catalog });
    expect(codes(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rederived!.replayed).toBeGreaterThan(40);
    expect(report.rederived!.agreed).toBe(report.rederived!.replayed);
    expect(report.rederived!.suites.map((s) => s.suite).sort()).toEqual([
      'sf1461',
      'sf1470',
      'sf1500',
      'sf1514',
      'sf1520',
    ]);
    // The platform's replies to the runner's own calls are the platform's signed records, not the runner's copy,
    // except klarmeld's own endpoints, which the platform does not record.
    const calls = genuine.document
      .replay!.tapes.flatMap((t) => t.entries)
      .filter((e) => e.kind === 'platform.call' && !e.thrown);
    const bound = calls.filter((e) => typeof (e.answer as { exchange?: unknown }).exchange === 'string');
    expect(calls.length).toBeGreaterThan(4);
    expect(
      calls.filter((e) => !bound.includes(e)).map((e) => new URL((e.ask as { url: string }).url).pathname),
    ).toEqual(['/klarmeld/messages']);
    expect(genuine.document.attestation!.statement.exchanges).toEqual(
      expect.arrayContaining(bound.map((e) => (e.answer as { exchange: string }).exchange)),
    );
    // What the replay took on the run's word rather than from signed exchanges is counted, by kind.
    expect(report.rederived!.unsigned).toMatchObject({
      'platform.call': 1,
      trigger: expect.any(Number),
      push: expect.any(Number),
      clock: expect.any(Number),
      uuid: expect.any(Number),
    });
  });

  it('accepts the failing run as it is (failed), and rejects it once a changed runner passed the failing tests and had the same platform sign it', async () => {
    expect(faulty.document.summary.verdict).toBe('failed');
    expect((await verifyAndRederive(faulty.document, { catalog })).ok).toBe(true);
    const failing = notPassed(faulty.document).map((t) => t.id);
    expect(failing).toContain(caught);
    const forged = await faulty.sign(passed(faulty.document, failing));
    expect(forged.summary.verdict).toBe('passed');
    // The signatures alone cannot tell: the platform countersigned the forged results.
    expect(verifyRun(forged, { catalog }).ok).toBe(true);
    const report = await verifyAndRederive(forged, { catalog });
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(failing.map((id) => `verdict-differs ${id}`));
    expect(report.problems.find((p) => p.test === caught)!.message).toMatch(
      /the run says pass, but the shipped test replayed on the run's own tape gives fail \(supplier\): ".*UUID/,
    );
  });

  it('rejects a run from which a failing SHALL test was dropped, though the platform signed it', async () => {
    const dropped = notPassed(faulty.document).filter((t) => t.level === 'SHALL');
    expect(dropped.length).toBeGreaterThan(0);
    const tests = faulty.document.tests.filter((t) => !dropped.includes(t));
    const replay = {
      ...faulty.document.replay!,
      tapes: faulty.document.replay!.tapes.filter((tape) => !dropped.some((t) => t.id === tape.test)),
    };
    const forged = await faulty.sign({ ...faulty.document, tests, summary: summarise(tests), replay });
    expect(forged.summary.verdict).toBe('passed');
    const report = await verifyAndRederive(forged, { catalog });
    expect(codes(report)).toEqual(expect.arrayContaining(dropped.map((t) => `test-missing ${t.id}`)));
    expect(report.ok).toBe(false);
  });

  it('rejects a run whose failing test was passed with its tape removed, or left out on its own as "not selected"', async () => {
    const tests = faulty.document.tests.map((t) =>
      t.id === caught
        ? { ...t, result: 'omit' as const, message: 'Not selected with --integration', blame: undefined }
        : t,
    );
    // With its tape the replay gives the failure; without it, it is a runner's omission of one test, which no runner makes.
    expect(
      codes(
        await verifyAndRederive(await faulty.sign({ ...faulty.document, tests, summary: summarise(tests) }), {
          catalog,
        }),
      ),
    ).toContain(`verdict-differs ${caught}`);
    const withoutTape = {
      ...faulty.document.replay!,
      tapes: faulty.document.replay!.tapes.filter((tape) => tape.test !== caught),
    };
    const omitted = await faulty.sign({ ...faulty.document, tests, summary: summarise(tests), replay: withoutTape });
    expect(codes(await verifyAndRederive(omitted, { catalog }))).toContain('omitted-alone');
    const untaped = passed(
      faulty.document,
      notPassed(faulty.document).map((t) => t.id),
    );
    const replay = { ...untaped.replay!, tapes: untaped.replay!.tapes.filter((tape) => tape.test !== caught) };
    const report = await verifyAndRederive(await faulty.sign({ ...untaped, replay }), { catalog });
    expect(codes(report)).toContain(`tape-missing ${caught}`);
    // Nor may a failure be hidden as a skip the runner never gives: a run that stays incomplete rather than failed.
    const skipped = faulty.document.tests.map((t) =>
      t.id === caught ? { ...t, result: 'skip' as const, blame: undefined, message: 'Needs a trigger hook' } : t,
    );
    const hidden = await faulty.sign({ ...faulty.document, tests: skipped, summary: summarise(skipped), replay });
    const refused = await verifyAndRederive(hidden, { catalog });
    expect(codes(refused)).toEqual([`tape-missing ${caught}`]);
    expect(refused.problems[0]!.message).toMatch(
      /is a skip \("Needs a trigger hook"\) with no tape .* not one the runner gives a test it did not run/,
    );
  });

  it('rejects an edited exchange the tape refers to, and a tape that refers to an exchange the run does not hold', async () => {
    const document = structuredClone(faulty.document);
    const test = document.tests.find((t) => t.id === caught)!;
    // Lower-cased in place: the check would pass, but the platform's digest no longer matches.
    const record = test.exchanges[0]! as unknown as Record<string, unknown> & { request: { body: string } };
    record.request.body = record.request.body.toLowerCase();
    const edited = await faulty.sign(passed(document, [caught]));
    expect(codes(await verifyAndRederive(edited, { catalog }))).toContain(`exchange-edited ${caught}`);
    // Given a digest of its own, the edited exchange is one the platform never recorded: it will not sign it.
    const { digest: _d, signature: _s, ...rest } = record;
    record.digest = exchangeDigest(rest);
    await expect(faulty.sign(passed(document, [caught]))).rejects.toThrow(/HTTP 409/);
  });

  it('rejects tapes that describe another system than the one the run is for', async () => {
    const replay = structuredClone(faulty.document.replay!);
    (replay.environment.system as { userSystemUuid: string }).userSystemUuid = '00000000-0000-4000-8000-000000000000';
    const report = await verifyAndRederive(await faulty.sign({ ...faulty.document, replay }), { catalog });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({
      code: 'test-edited',
      message: expect.stringContaining('it-system 00000000-0000-4000-8000-000000000000'),
    });
  });

  it('reads a run of format /3 (before tapes): its evidence checks out, and its verdicts are reported as not re-derivable', async () => {
    const { replay: _replay, ...rest } = faulty.document;
    const old = await faulty.sign({ ...rest, format: 'klarmeld.run/3' });
    expect(verifyRun(old, { catalog }).ok).toBe(true);
    const report = await verifyAndRederive(old, { catalog });
    expect(report.ok).toBe(false);
    expect(new Set(codes(report))).toEqual(new Set(['cannot-rederive']));
    expect(report.problems[0]!.message).toMatch(
      /the run \(format klarmeld\.run\/3\) carries no tapes of what its tests did/,
    );
  });

  it('names the test whose tape relies on an exchange the platform did not attest', async () => {
    const document = structuredClone(faulty.document);
    const digest = document.tests.find((t) => t.id === caught)!.exchanges[0]!.digest;
    document.attestation!.statement.exchanges = document.attestation!.statement.exchanges.filter((d) => d !== digest);
    const report = await verifyAndRederive(document, { catalog });
    expect(codes(report)).toEqual(
      expect.arrayContaining(['attestation-signature', 'exchanges-not-attested', `left-tape ${caught}`]),
    );
    expect(report.problems.find((p) => p.test === caught)!.message).toContain(
      `the tape refers to exchange ${digest.slice(0, 16)}…, which the run does not hold or the platform did not attest`,
    );
  });

  it('says a suite version it does not ship cannot be re-derived, and does not accept it', async () => {
    const suites = faulty.document.suites.map((s) => (s.id === 'sf1520' ? { ...s, version: '0.9.0' } : s));
    const report = await verifyAndRederive(await faulty.sign({ ...faulty.document, suites }), { catalog });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'cannot-rederive',
        message: expect.stringMatching(/sf1520 0\.9\.0 .*this klarmeld ships sf1520 1\.1\.0/),
      }),
    ]);
  });
});
