import { Agent } from 'undici';
import { runSuites, type SuiteDefinition, type TestRecord } from '../../framework/index.ts';
import type { SuiteEnvironment } from '../shared/environment.ts';

/**
 * For klarmeld's own tests of the suites: an environment of stand-ins (what a test does not
 * give is absent, so the tests that need it skip), and one test of a suite run through the
 * real runner, so its result is exactly what `klarmeld test` would report.
 */
export function standInEnvironment(
  overrides: Partial<Omit<SuiteEnvironment, 'platform' | 'system'>> & {
    platform?: Partial<SuiteEnvironment['platform']>;
    system?: Partial<SuiteEnvironment['system']>;
  } = {},
): SuiteEnvironment {
  const { platform, system, ...rest } = overrides;
  return {
    target: 'embedded',
    caPem: '',
    ...rest,
    system: {
      id: 'stand-in',
      userSystemUuid: '0c1f4d1e-8a5e-4c55-9b3a-7f1c2d3e4f50',
      municipalityCvr: '11111111',
      certPem: '',
      keyPem: '',
      ...system,
    },
    platform: { baseUrl: 'https://127.0.0.1:1', dispatcher: new Agent(), urls: {}, agreements: [], ...platform },
  };
}

export async function runOneTest(
  suite: SuiteDefinition<SuiteEnvironment, SuiteEnvironment>,
  testId: string,
  environment: SuiteEnvironment,
): Promise<TestRecord> {
  const output = await runSuites({
    suites: [suite],
    environment,
    select: (id) => (id === testId ? true : 'another test'),
    timeoutMs: 15_000,
  });
  const record = output.tests.find((t) => t.id === testId);
  if (!record) throw new TypeError(`Suite ${suite.id} has no test ${testId}`);
  return record;
}
