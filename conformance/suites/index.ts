import type { Catalog } from '../../catalog/index.ts';
import type { SuiteDefinition } from '../framework/index.ts';
import { genericSuites } from './generic/generic-suite.ts';
import { webLoginSuites } from './generic-web-login/web-login-suite.ts';
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

/**
 * Every suite a run of this catalogue can take, by integration id, in run order: the hand-written
 * ones, and the generic suite (made from the catalogue's imported contract, issue 12) of every
 * integration with an imported contract and no hand-written suite, and the web-login suite of every
 * integration with a SAML service (the Context Handler's login and logout), before the pushes.
 */
export function suitesFor(catalog: Catalog): Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> {
  const { SF1461, ...calls } = suitesByIntegration;
  return {
    ...calls,
    ...genericSuites(catalog, Object.keys(suitesByIntegration)),
    ...webLoginSuites(catalog),
    ...(SF1461 && { SF1461 }),
  };
}

/** The generic and web-login suites alone, by integration id (`klarmeld catalog coverage`). */
export function genericSuitesFor(
  catalog: Catalog,
): Record<string, SuiteDefinition<SuiteEnvironment, SuiteEnvironment>> {
  return { ...genericSuites(catalog, Object.keys(suitesByIntegration)), ...webLoginSuites(catalog) };
}

export { declaredOperations } from './generic/generic-suite.ts';
export type { SuiteEnvironment } from './shared/environment.ts';
export { haendelsesbesked } from './SF1461/haendelsesbesked.ts';
export { withKorsbaekOf } from './shared/korsbaek-data.ts';
export type { AgreementView, Exchange, PushOutcome, Pusher, Recorder, TriggerOutcome } from './shared/environment.ts';
export { recorderClient } from './shared/recorder-client.ts';
export { tapingEnvironment } from './shared/tape-environment.ts';
export { verifyAndRederive } from './shared/verify-and-rederive.ts';
export { statusKodeOf } from './shared/xml-checks.ts';
