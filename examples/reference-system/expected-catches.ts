import { suitesByIntegration } from '../../conformance/suites/index.ts';
import { faultNames, type FaultName } from './src/faults.ts';

/**
 * Exactly the conformance tests each of the reference system's faults (REFERENCE_SYSTEM_FAULT)
 * makes fail, proven by reference-system*.test.ts: a test listed here fails with the fault and
 * passes without it; a test not listed passes with it. Every suite is failed by at least one
 * fault. conformance/suites/CLAIMS.md says which claim of which test each fault breaks.
 */
/** The generic suites' groups the contract faults are proven on (ids made from the catalogue's service and operation names). */
const demo = 'sf0101.demo-calldemoservice';
/** SF0101's REST AccessTokenDemo (imported from klarmeld's OpenAPI): the generic REST checks are proven on it. */
const restDemo = 'sf0101.accesstokendemo-calldemoservice';
const ydelse = (...tests: string[]) =>
  ['bevillinghent', 'effektueringhent'].flatMap((op) => tests.map((t) => `sf1491.ydelselistehent-${op}.${t}`));

/** The web-login suites' tests (SF1511 login, SF1515 logout), by `<group>.<test>`. */
const login = (...tests: string[]) =>
  tests.map((t) => `sf1511.${t.replace(/^provider-registered$/, 'platform.provider-registered')}`);
const logout = (...tests: string[]) =>
  tests.map((t) => `sf1515.${t.replace(/^provider-registered$/, 'platform.provider-registered')}`);
const loginTests = [
  'authn-request',
  'authn-request-signed',
  'login-accepted',
  'refuses-unsigned',
  'refuses-other-key',
  'refuses-expired',
  'refuses-other-audience',
].map((t) => `login.${t}`);
const logoutTests = ['logout-request', 'logout-request-signed', 'session-ended'].map((t) => `logout.${t}`);

export const expectedCatches: Record<FaultName, string[]> = {
  'upper-case-uuids': [
    'sf1520.lookup.lower-case-uuids',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.retry-after-dropped-connection',
    'sf1500.read.lower-case-uuids',
    'sf1470.index.lower-case-uuids',
  ],
  'wrong-agreement': [
    'sf1520.lookup.own-identifiers',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.retry-after-dropped-connection',
  ],
  'expired-token': ['sf1514.lifetime.token-renewed-before-expiry', 'sf1500.faults.token-renewed-before-expiry'],
  'no-retry': ['sf1470.index.retry-after-dropped-connection', 'sf1520.faults.retry-after-dropped-connection'],
  'bad-push-reply': ['sf1461.push.malformed-message-rejected', 'sf1461.push.not-xml-rejected'],
  'wrong-soap-version': [
    'sf1520.lookup.soap-1-1-person-lookup',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.person-not-found',
    'sf1520.faults.retry-after-dropped-connection',
  ],
  'soap-1-1-to-stoettesystemer': [
    'sf1500.read.soap-1-2-bruger-laes',
    'sf1500.read.token-for-organisation',
    'sf1500.read.user-read',
    'sf1500.read.search-units',
    'sf1500.read.lower-case-uuids',
    'sf1500.read.ws-addressing',
    'sf1500.faults.user-not-found',
    'sf1500.faults.token-renewed-before-expiry',
    'sf1470.index.soap-1-2',
  ],
  'empty-result': ['sf1520.lookup.valid-request-gets-person', 'sf1520.faults.retry-after-dropped-connection'],
  'wrong-person': ['sf1520.lookup.valid-request-gets-person', 'sf1520.faults.retry-after-dropped-connection'],
  'incomplete-invocation-context': [
    'sf1520.lookup.invocation-context-in-body',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.retry-after-dropped-connection',
  ],
  // The platform refuses the lookup for these three (context not in the request element; not the caller's it-system;
  // not the service called), so the tests that need the person fail too; person-not-found skips on the refusal.
  'invocation-context-in-header': [
    'sf1520.lookup.invocation-context-in-body',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.retry-after-dropped-connection',
  ],
  'foreign-user-system': [
    'sf1520.lookup.own-identifiers',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.retry-after-dropped-connection',
  ],
  'wrong-service-uuid': [
    'sf1520.lookup.own-identifiers',
    'sf1520.lookup.valid-request-gets-person',
    'sf1520.faults.retry-after-dropped-connection',
  ],
  'not-found-as-success': ['sf1520.faults.person-not-found'],
  'retry-on-fault': ['sf1520.faults.person-not-found'],
  'anonymous-lookup': ['sf1520.faults.names-the-user'],
  'token-not-reported': ['sf1514.issue.ws-trust-issue'],
  'wrong-municipality': [
    'sf1514.issue.ws-trust-issue',
    'sf1514.issue.municipality-claim',
    'sf1514.issue.signed-with-system-certificate',
    'sf1514.lifetime.token-reused',
    'sf1514.lifetime.token-renewed-before-expiry',
  ],
  'wrong-applies-to': [
    'sf1514.issue.ws-trust-issue',
    'sf1514.issue.applies-to-service',
    'sf1514.issue.signed-with-system-certificate',
    'sf1514.lifetime.token-reused',
    'sf1514.lifetime.token-renewed-before-expiry',
  ],
  'unbound-token-request': [
    'sf1514.issue.ws-trust-issue',
    'sf1514.issue.signed-with-system-certificate',
    'sf1514.lifetime.token-reused',
    'sf1514.lifetime.token-renewed-before-expiry',
  ],
  'fixed-message-id': ['sf1514.issue.fresh-message-ids'],
  'no-token-cache': ['sf1514.lifetime.token-reused'],
  'token-refusal-ignored': ['sf1514.lifetime.refusal-reported'],
  'wrong-token-audience': [
    'sf1500.read.token-for-organisation',
    'sf1500.read.user-read',
    'sf1500.read.search-units',
    'sf1500.faults.user-not-found',
    'sf1470.index.importer-accepted',
    'sf1470.index.token-for-sdi-in-call',
    'sf1470.index.re-import-idempotent',
    'sf1470.index.search-finds-case',
    'sf1470.index.remove-case',
    'sf1470.index.retry-after-dropped-connection',
  ],
  'wsa-to-entity-id': ['sf1500.read.ws-addressing'],
  'user-not-shown': ['sf1500.read.user-read'],
  'units-not-shown': ['sf1500.read.search-units'],
  'user-not-found-as-success': ['sf1500.faults.user-not-found'],
  'wrong-importer-action': [
    'sf1470.index.importer-accepted',
    'sf1470.index.re-import-idempotent',
    'sf1470.index.search-finds-case',
    'sf1470.index.remove-case',
    'sf1470.index.retry-after-dropped-connection',
  ],
  'new-uuid-on-reimport': ['sf1470.index.re-import-idempotent'],
  'search-finds-nothing': ['sf1470.index.re-import-idempotent', 'sf1470.index.search-finds-case'],
  'remove-without-fjern': ['sf1470.index.remove-case'],
  'callback-without-client-certificate': ['sf1461.push.callback-requires-client-certificate'],
  'refuse-pushes': [
    'sf1461.push.platform-delivery',
    'sf1461.push.message-acknowledged',
    'sf1461.push.duplicate-processed-once',
  ],
  'bare-push-reply': ['sf1461.push.answer-matches-contract'],
  'message-type-dropped': ['sf1461.push.message-available'],
  'slow-first-push': ['sf1461.push.answers-quickly'],
  'duplicates-stored': ['sf1461.push.duplicate-processed-once'],
  // The generic suites (made from the catalogue's imported contracts, run with klarmeld-contracts.yaml), shown on
  // two of them: SF0101 DemoService (Serviceplatformen, InvocationContext) and SF1491 YdelseListeHent (Støttesystem, OIOIDWS).
  // Every other generic suite has the same tests per operation and fails them for the same faults.
  'contract-unknown-element': [`${demo}.valid-request`, ...ydelse('valid-request')],
  // The platform refuses a wrong action, so there is no data to show either.
  'contract-wrong-action': [
    `${demo}.valid-request`,
    `${demo}.soap-version-and-action`,
    `${demo}.data-shown`,
    ...ydelse('valid-request', 'soap-version-and-action', 'data-shown'),
  ],
  // The platform takes a call without an action (the operation is known from the request element); the record shows it missing.
  'contract-missing-soapaction': [`${demo}.soap-version-and-action`, ...ydelse('soap-version-and-action')],
  'contract-wrong-credentials': [
    `${demo}.valid-request`,
    `${demo}.security`,
    `${demo}.data-shown`,
    ...ydelse('valid-request', 'security', 'data-shown'),
  ],
  // DemoService's InvocationContext is refused in upper case; YdelseListeHent's requests hold a UUID only where the test gives one.
  'contract-upper-case-uuids': [
    `${demo}.valid-request`,
    `${demo}.lower-case-uuids`,
    `${demo}.data-shown`,
    ...ydelse('lower-case-uuids'),
  ],
  'contract-fault-as-success': [`${demo}.fault-reported`, `${restDemo}.fault-reported`, ...ydelse('fault-reported')],
  'contract-retry-on-fault': [`${demo}.fault-reported`, `${restDemo}.fault-reported`, ...ydelse('fault-reported')],
  'contract-data-not-shown': [`${demo}.data-shown`, `${restDemo}.data-shown`, ...ydelse('data-shown')],
  // The REST checks: the request refused by the contract is still answered (the data is shown); a missing
  // x-TransaktionsId or a token for another service is refused, so there is no data to show either.
  'rest-invalid-request': [`${restDemo}.valid-request`],
  'rest-missing-transaktionsid': [`${restDemo}.headers`, `${restDemo}.data-shown`],
  'rest-wrong-token': [`${restDemo}.security`, `${restDemo}.data-shown`],
  'rest-expired-token': [`${restDemo}.token-renewed`],
  // The web-login suites (made from the Context Handler's metadata, run with klarmeld-web.yaml). A request the
  // IdP refuses also leaves the user logged out, so the login test fails too; the refusal tests still pass,
  // since the system refuses the IdP's RequestDenied answer as well.
  'saml-bad-acs-address': [
    ...login('provider-registered', ...loginTests),
    ...logout('provider-registered', ...logoutTests),
  ],
  // The logout tests log in first, so a login the IdP refuses fails them too.
  'saml-stale-issue-instant': [...login('login.authn-request', 'login.login-accepted'), ...logout(...logoutTests)],
  'saml-unsigned-authn-request': [
    ...login('login.authn-request-signed', 'login.login-accepted'),
    ...logout(...logoutTests),
  ],
  'saml-accept-unsigned': login('login.refuses-unsigned'),
  'saml-any-signer': login('login.refuses-other-key'),
  'saml-ignore-expiry': login('login.refuses-expired'),
  'saml-ignore-audience': login('login.refuses-other-audience'),
  'saml-privileges-not-shown': login('login.login-accepted'),
  'saml-logout-without-session-index': logout('logout.logout-request', 'logout.session-ended'),
  'saml-unsigned-logout': logout('logout.logout-request-signed', 'logout.session-ended'),
  'saml-session-kept': logout('logout.session-ended'),
};

/** The integration whose suite a test id belongs to (sf1520.… → SF1520; a generic suite's id is its integration's, in lower case). */
export function integrationOf(testId: string): string {
  const found = Object.entries(suitesByIntegration).find(([, suite]) => testId.startsWith(`${suite.id}.`));
  if (found) return found[0];
  const generic = /^(sf\d{4}(?:-[a-z0-9]+)?)\./.exec(testId);
  if (!generic) throw new TypeError(`No suite has the test ${testId}`);
  return generic[1]!.toUpperCase().replace(/-/g, '_');
}

/** The profile a fault's run uses: the catalogue's reference system (klarmeld.yaml), the one that claims the imported contracts, or the one that claims the web login. */
export function profileOf(fault: FaultName): 'klarmeld.yaml' | 'klarmeld-contracts.yaml' | 'klarmeld-web.yaml' {
  const integrations = expectedCatches[fault].map(integrationOf);
  if (integrations.some((i) => i === 'SF1511' || i === 'SF1515')) return 'klarmeld-web.yaml';
  return integrations.some((i) => !suitesByIntegration[i]) ? 'klarmeld-contracts.yaml' : 'klarmeld.yaml';
}

/**
 * The faults grouped into runs, first fit in the order of faultNames: faults share a run only
 * when the integrations their catches belong to do not overlap, so every failure in a run has
 * one possible cause and each run starts the platform and the system once for several faults;
 * a run uses one profile (klarmeld.yaml, or klarmeld-contracts.yaml for the generic suites).
 */
export function faultRuns(): FaultName[][] {
  const runs: { faults: FaultName[]; integrations: Set<string>; profile: string }[] = [];
  for (const fault of faultNames) {
    const integrations = new Set(expectedCatches[fault].map(integrationOf));
    const profile = profileOf(fault);
    const run = runs.find((r) => r.profile === profile && [...integrations].every((i) => !r.integrations.has(i)));
    if (run) {
      run.faults.push(fault);
      for (const i of integrations) run.integrations.add(i);
    } else runs.push({ faults: [fault], integrations, profile });
  }
  return runs.map((r) => r.faults);
}
