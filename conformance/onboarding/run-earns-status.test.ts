import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { runEarnsStatus, type IntegrationShown, type RunSigner, type RunToJudge } from './run-earns-status.ts';
import type { StatusEvent } from './status-event.ts';
import { testCatalog } from './testing/test-catalog.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});

const trusted: RunSigner = { fingerprint: 'a'.repeat(64), trusted: true, trustedBy: 'sheet' };
const stranger: RunSigner = { fingerprint: 'b'.repeat(64), trusted: false };
/** SF1520 of Jobcenter Plus (required), every SHALL test passed, one with an exchange of the system. */
const shown = (over: Partial<IntegrationShown> = {}): IntegrationShown => ({
  integration: 'SF1520',
  shallTotal: 2,
  shallRan: 2,
  shallNotRun: [],
  environmentErrors: [],
  shallPassed: 2,
  shallPassedWithEvidence: 1,
  ...over,
});
const run = (over: Partial<RunToJudge> = {}): RunToJudge => ({
  runId: 'run-0002',
  digest: 'd'.repeat(64),
  system: { id: 'jobcenter-plus', name: 'Jobcenter Plus' },
  binding: [],
  integrations: [shown()],
  key: trusted,
  ...over,
});
const earlier = (over: Partial<StatusEvent>): StatusEvent => ({
  seq: 1,
  id: 'e1',
  at: '2026-01-05T10:00:00.000Z',
  system: 'jobcenter-plus',
  integration: 'SF1520',
  status: 'klarmeldt',
  actor: 'kombit',
  source: 'manual',
  ...over,
});
const earn = (r: RunToJudge, current: StatusEvent[] = []) =>
  runEarnsStatus(catalog, r, current, 'klarmeld test (Jobcenter Plus)');

describe('runEarnsStatus: when a run earns a status in the sheet', () => {
  it("earns what the run shows, in KOMBIT's word, with the run, its digest, the key and the counts as evidence", () => {
    expect(earn(run())).toEqual({
      notRecorded: [],
      events: [
        {
          system: 'jobcenter-plus',
          integration: 'SF1520',
          status: 'klarmeldt',
          word: 'Klarmeldt',
          actor: 'klarmeld test (Jobcenter Plus)',
          source: 'run',
          evidence: {
            runId: 'run-0002',
            digest: 'd'.repeat(64),
            keyFingerprint: 'a'.repeat(64),
            keyTrusted: true,
            trustedBy: 'sheet',
            shallTotal: 2,
            shallPassed: 2,
            shallPassedWithEvidence: 1,
          },
        },
      ],
    });
    expect(earn(run({ integrations: [shown({ shallPassed: 1 })] })).events[0]!.status).toBe('delvist-klarmeldt');
  });

  it('earns the same declaration under a key the sheet does not trust, with that said in the evidence only (never Ensidig)', () => {
    const event = earn(run({ key: stranger })).events[0]!;
    expect(event).toMatchObject({
      status: 'klarmeldt',
      word: 'Klarmeldt',
      evidence: { keyFingerprint: 'b'.repeat(64), keyTrusted: false },
    });
    expect(event.evidence).not.toHaveProperty('trustedBy');
  });

  it('earns nothing for an integration whose suite met an environment error, and says why', () => {
    const outcome = earn(
      run({
        integrations: [
          shown({
            environmentErrors: [{ id: 'sf1520.lookup', message: 'platform-unreachable: The platform did not answer' }],
          }),
        ],
      }),
    );
    expect(outcome).toEqual({
      events: [],
      notRecorded: [
        {
          integration: 'SF1520',
          why: 'the environment failed: sf1520.lookup (platform-unreachable: The platform did not answer); nothing can be judged',
        },
      ],
    });
  });

  it('earns nothing for an integration with SHALL tests that did not run, or with none at all, and names them', () => {
    const skipped = shown({
      shallRan: 1,
      shallNotRun: [{ id: 'sf1520.not-found', result: 'skip', reason: 'Needs a trigger hook' }],
    });
    expect(earn(run({ integrations: [skipped] })).notRecorded).toEqual([
      { integration: 'SF1520', why: '1 SHALL test did not run: sf1520.not-found (skipped: Needs a trigger hook)' },
    ]);
    const omitted = shown({
      shallRan: 0,
      shallPassed: 0,
      shallPassedWithEvidence: 0,
      shallNotRun: [
        { id: 'a', result: 'omit', reason: 'x' },
        { id: 'b', result: 'omit', reason: 'y' },
      ],
    });
    expect(earn(run({ integrations: [omitted] })).notRecorded[0]!.why).toBe('no SHALL test of it ran (all omitted)');
    const none = shown({ shallTotal: 0, shallRan: 0, shallPassed: 0, shallPassedWithEvidence: 0 });
    expect(earn(run({ integrations: [none] })).notRecorded[0]!.why).toBe(
      'the run has no SHALL test of it, so it cannot show readiness',
    );
  });

  it('earns nothing for an integration the system is not required to connect to', () => {
    expect(earn(run({ integrations: [shown({ integration: 'SF1461' })] }))).toEqual({
      events: [],
      notRecorded: [{ integration: 'SF1461', why: 'Jobcenter Plus is not required to connect to SF1461' }],
    });
  });

  it('earns nothing at all for a run bound to another system, and gives the binding problems', () => {
    const outcome = earn(
      run({
        binding: [{ code: 'system-mismatch', message: 'The run is for Jobcenter Plus, whose it-system UUID differs' }],
      }),
    );
    expect(outcome.events).toEqual([]);
    expect(outcome.refused).toEqual({
      code: 'other-system',
      problems: ['system-mismatch: The run is for Jobcenter Plus, whose it-system UUID differs'],
      message:
        "Nothing recorded: the run's evidence is not about Jobcenter Plus.\n  - system-mismatch: The run is for Jobcenter Plus, whose it-system UUID differs",
    });
  });

  it('never lets a run under an untrusted key replace a status a trusted-key run earned, not even with ikke-klarmeldt', () => {
    const byTrusted = earlier({
      source: 'run',
      evidence: { runId: 'run-0001', digest: 'c'.repeat(64), keyTrusted: true, trustedBy: 'sheet' },
    });
    for (const r of [
      run({ key: stranger }),
      run({ key: stranger, integrations: [shown({ shallPassed: 0, shallPassedWithEvidence: 0 })] }),
    ]) {
      const outcome = earn(r, [byTrusted]);
      expect(outcome.events).toEqual([]);
      expect(outcome.notRecorded[0]!.why).toBe(
        `its status klarmeldt was earned by run run-0001 under a platform key the sheet trusts, and this run is signed with platform key ${'b'.repeat(64)}, which the sheet does not trust: an untrusted run never replaces it`,
      );
    }
    expect(earn(run(), [byTrusted]).events.map((e) => e.status)).toEqual(['klarmeldt']);
  });

  it("never lets a run under an untrusted key replace a person's word (set by hand or imported); a trusted-key run may", () => {
    const imported = earlier({ status: 'ikke-klarmeldt', word: 'Nej', source: 'import' });
    expect(earn(run({ key: stranger }), [imported]).notRecorded[0]!.why).toBe(
      `its status Nej was imported by kombit (2026-01-05T10:00:00.000Z), and this run is signed with platform key ${'b'.repeat(64)}, which the sheet does not trust: an untrusted run never replaces a person's word`,
    );
    expect(earn(run({ key: { trusted: false } }), [earlier({ source: 'manual' })]).notRecorded[0]!.why).toMatch(
      /set by hand by kombit .*signed with a key it does not name/,
    );
    expect(earn(run(), [imported]).events).toHaveLength(1);
  });

  it("lets an untrusted run replace its own kind, a status from the time --key counted as trust, and another system's", () => {
    const own = earlier({ source: 'run', evidence: { runId: 'run-0001', digest: 'c'.repeat(64), keyTrusted: false } });
    const pinned = earlier({
      source: 'run',
      evidence: { runId: 'run-0001', digest: 'c'.repeat(64), keyTrusted: true, trustedBy: 'pinned' },
    });
    const elsewhere = earlier({ system: 'oekonomi-let' });
    for (const current of [own, pinned, elsewhere])
      expect(earn(run({ key: stranger }), [current]).events).toHaveLength(1);
  });
});
