/**
 * The run document: one JSON document per `klarmeld test` run, the single source the JSON,
 * JUnit and HTML reports, `klarmeld verify` and the onboarding sheet are made from. Its JSON
 * Schema (generated/run-document.schema.json) is generated from these zod schemas.
 */
import { z } from 'zod';
import { blames, requirementLevels, testResults } from './results.ts';
import { requirement } from './requirements.ts';
import { exchangeRecord, hex64, type ExchangeRecord } from './exchange-record.ts';
import { replaySection } from './tape.ts';
import { attestationKinds } from '../evidence/index.ts';

/**
 * The run document's format. 2 since the `incomplete` verdict (2026-11-30): a /1 document was
 * summarised by other rules, so today's summariser would call its summary edited. 3 since the
 * attestation names the SKI system the run is for (2026-12-02): a /2 attestation bound the
 * exchanges to a certificate but not the run to a system, so one supplier could attest a run
 * "for" another's system. 4 since each test's tape (`replay`, 2026-12-02): `klarmeld verify`
 * runs the shipped test bodies again against what the run recorded.
 */
export const runFormat = 'klarmeld.run/4';
/**
 * Formats this klarmeld still reads. A /3 run has the same verdict rules but no tapes: it is
 * read and checked, and `klarmeld verify` says its verdicts cannot be re-derived.
 */
export const readableRunFormats = [runFormat, 'klarmeld.run/3'] as const;

const isoTime = z.string().meta({ description: 'ISO 8601 date and time, UTC' });

export { exchangeRecord, type ExchangeRecord };

export const logLine = z.strictObject({ atMs: z.number().nonnegative(), text: z.string() });

export const testRecord = z.strictObject({
  id: z.string().meta({ description: 'Stable dotted id <suite>.<group>.<test>, e.g. sf1520.lookup.person-found' }),
  suite: z.string(),
  integration: z.string(),
  group: z.string(),
  groupTitle: z.string(),
  title: z.string(),
  verifies: z.array(z.string()).meta({ description: 'Requirement ids this test verifies' }),
  level: z.enum(requirementLevels).meta({ description: 'The strongest level among the verified requirements' }),
  result: z.enum(testResults),
  blame: z.enum(blames).optional().meta({ description: 'For fail/error: whose problem it is' }),
  code: z
    .string()
    .optional()
    .meta({ description: 'Permanent code of an environment problem, e.g. platform-unreachable' }),
  message: z.string().optional(),
  startedAt: isoTime,
  durationMs: z.number().nonnegative(),
  inputs: z.record(z.string(), z.unknown()),
  exchanges: z.array(exchangeRecord),
  log: z.array(logLine),
});
export type TestRecord = z.infer<typeof testRecord>;

const counts = z.strictObject(
  Object.fromEntries([...testResults, 'total'].map((key) => [key, z.number().int().nonnegative()])) as Record<
    (typeof testResults)[number] | 'total',
    z.ZodNumber
  >,
);
/**
 * `passed` every SHALL test that was not omitted passed; `failed` a SHALL test failed;
 * `incomplete` no SHALL test failed but one did not run to a judgement (skipped, waiting, broken),
 * or none ran at all, so the run does not show readiness; omitted tests (suites left out with
 * --integration) do not count; `environment` the environment failed and nothing can be judged;
 * `not-selected` (a suite's verdict only) every test of the suite was omitted: nothing was judged.
 */
export const verdicts = ['passed', 'failed', 'incomplete', 'environment', 'not-selected'] as const;

export const suiteSummary = z.strictObject({
  suite: z.string(),
  integration: z.string(),
  counts,
  shall: z.strictObject({
    total: z.number().int().nonnegative().meta({ description: 'SHALL tests that were not omitted' }),
    passed: z.number().int().nonnegative(),
  }),
  verdict: z.enum(verdicts),
});

export const summary = z.strictObject({
  verdict: z.enum(verdicts),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(3)]),
  counts,
  suites: z.array(suiteSummary),
  requiredNotPassed: z.array(z.string()).meta({
    description:
      'SHALL tests that did not pass, other than environment errors and omitted tests: failed, errored, waiting or skipped',
  }),
  requiredNotRun: z.array(z.strictObject({ id: z.string(), result: z.enum(testResults), reason: z.string() })).meta({
    description:
      'The SHALL tests of requiredNotPassed that never reached a judgement (skipped, waiting, broken), each with the reason it gives; they make the run incomplete',
  }),
  advisoryFailed: z
    .array(z.string())
    .meta({ description: 'SHOULD/MAY tests that failed (reported, do not fail the run)' }),
  environmentErrors: z.array(z.string()),
});
export type Summary = z.infer<typeof summary>;
export type SuiteSummary = z.infer<typeof suiteSummary>;
export type Counts = z.infer<typeof counts>;
export type Verdict = (typeof verdicts)[number];

export const runAttestation = z.strictObject({
  statement: z.strictObject({
    kind: z.enum(attestationKinds).meta({
      description:
        "run-attestation/2: the platform countersigned the runner's results; run-judged/1: klarmeld server ran the suites and judged the run itself",
    }),
    runId: z.string(),
    resultsDigest: hex64,
    system: z.strictObject({ uuid: z.string(), name: z.string(), id: z.string() }).meta({
      description:
        "The it-system of the certificate that asked for the attestation (uuid, name) and the SKI system the run is for (id, the profile's system)",
    }),
    exchanges: z.array(hex64),
    signedAt: isoTime,
  }),
  digest: hex64,
  signature: z.string(),
});

export const suiteRecord = z.strictObject({
  id: z.string(),
  integration: z.string(),
  title: z.string(),
  version: z.string(),
  requirements: z.array(requirement),
  untested: z.array(z.strictObject({ requirement: z.string(), reason: z.string() })),
});
export type SuiteRecord = z.infer<typeof suiteRecord>;

export const runDocument = z.strictObject({
  $schema: z.string().optional(),
  format: z.enum(readableRunFormats),
  runId: z.string(),
  startedAt: isoTime,
  finishedAt: isoTime,
  durationMs: z.number().nonnegative(),
  tool: z.strictObject({ name: z.literal('klarmeld'), version: z.string() }),
  profile: z
    .looseObject({
      system: z.string().meta({ description: 'Catalogue id of the SKI system under test' }),
      file: z.string().optional(),
    })
    .meta({ description: 'The system profile as used (paths, never key material)' }),
  platform: z.strictObject({
    url: z.string(),
    target: z.enum(['embedded', 'external-test']),
    version: z.string().optional(),
    publicKey: z
      .string()
      .optional()
      .meta({ description: 'SPKI PEM of the key that signed the exchanges and the attestation' }),
    keyFingerprint: hex64.optional(),
  }),
  catalogue: z.strictObject({
    version: z.string().meta({ description: 'The klarmeld release whose catalogue the run loaded' }),
    digest: hex64.optional().meta({
      description:
        'canonicalDigest of the loaded catalogue: identifies exactly which integrations, systems and requirements the run used',
    }),
  }),
  suites: z.array(suiteRecord),
  tests: z.array(testRecord),
  summary,
  replay: replaySection.optional(),
  attestation: runAttestation
    .optional()
    .meta({ description: 'The platform-signed statement over the digest of everything else' }),
});
export type RunDocument = z.infer<typeof runDocument>;
