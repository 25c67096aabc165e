import type { SuiteDefinition } from '../framework/index.ts';
import type { SuiteEnvironment } from './shared/environment.ts';
import { sf1461Suite } from './SF1461/suite.ts';
import { sf1470Suite } from './SF1470/suite.ts';
import { sf1500Suite } from './SF1500/suite.ts';
import { sf1514Suite } from './SF1514/suite.ts';
import { sf1520Suite } from './SF1520/suite.ts';

/**
 * Every conformance suite, by catalogue integration id, in the order a run takes them:
 * tokens first (the other Støttesystem suites depend on them), pushes last.
 */
export const suitesByIntegration: Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> = {
  SF1514: sf1514Suite,
  SF1520: sf1520Suite,
  SF1500: sf1500Suite,
  SF1470: sf1470Suite,
  SF1461: sf1461Suite,
};

export type { SuiteEnvironment } from './shared/environment.ts';
