import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { contractCatalogue } from '../../clients/index.ts';
import { assertCoverage, suiteTests } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment } from '../shared/environment.ts';
import { declaredOperations, genericSuitesFor, suitesByIntegration, suitesFor } from '../index.ts';
import { runOneTest, standInEnvironment } from '../testing/run-one-test.ts';

/** A system whose contract.call reaches the platform with these request and response bodies, and answers the trigger so. */
function systemAnswering(
  answer: { ok: boolean; result?: unknown },
  exchange: Partial<Exchange>,
): Pick<SuiteEnvironment, 'trigger' | 'recorder'> {
  const exchanges: Exchange[] = [];
  return {
    recorder: { mark: async () => String(exchanges.length), since: async (m) => exchanges.slice(Number(m)) },
    async trigger(action, params) {
      if (action !== 'contract.call') return { ok: false, error: { code: 'unsupported-action', message: action } };
      const id = String(exchanges.length + 1);
      exchanges.push({
        id,
        time: '',
        service: params.service as string,
        operation: params.operation as string,
        requestBody: '',
        responseBody: '',
        findings: [],
        record: { id },
        ...exchange,
      });
      return answer.ok
        ? { ok: true, result: answer.result }
        : { ok: false, error: { code: 'platform-refused', message: 'no' } };
    },
  };
}

describe('the generic suites made from the shipped catalogue', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = (await loadCatalog()).catalog;
  });

  it('exist for every integration with an imported contract and no hand-written suite, and run before the pushes', () => {
    // With the web-login suites of the Context Handler's login and logout (SF1511, SF1515).
    expect(Object.keys(genericSuitesFor(catalog)).sort()).toEqual([
      'SF0101',
      'SF1490',
      'SF1491',
      'SF1510',
      'SF1511',
      'SF1515',
      'SF1600',
    ]);
    expect(Object.keys(suitesFor(catalog))).toEqual([
      'SF1514',
      'SF1520',
      'SF1500',
      'SF1470',
      'SF0101',
      'SF1490',
      'SF1491',
      'SF1510',
      'SF1600',
      'SF1511',
      'SF1515',
      'SF1461',
    ]);
    expect(suitesFor(catalog).SF1520).toBe(suitesByIntegration.SF1520);
  });

  it('trace every test to a generated requirement (da and en) and every SHALL requirement to a test', async () => {
    for (const suite of Object.values(genericSuitesFor(catalog))) {
      await assertCoverage(suite);
      expect(
        suite.requirements!.requirements.every((r) => r.textDa && r.id.startsWith(`${suite.integration}-G-`)),
        suite.id,
      ).toBe(true);
    }
  });

  it('give stable ids: the same catalogue makes the same suite, its version carrying a digest of the contract data', async () => {
    const again = genericSuitesFor((await loadCatalog()).catalog).SF1491!;
    const sf1491 = genericSuitesFor(catalog).SF1491!;
    expect(again.version).toBe(sf1491.version);
    expect(suiteTests(sf1491).map((t) => `${t.id} ${t.test.verifies.join()}`)).toContain(
      'sf1491.ydelselistehent-bevillinghent.data-shown SF1491-G-YDELSELISTEHENT-BEVILLINGHENT-DATA',
    );
    expect(suiteTests(genericSuitesFor(catalog).SF0101!).map((t) => t.id)).toEqual([
      'sf0101.platform.agreement-approved',
      'sf0101.demo-calldemoservice.valid-request',
      'sf0101.demo-calldemoservice.soap-version-and-action',
      'sf0101.demo-calldemoservice.security',
      'sf0101.demo-calldemoservice.lower-case-uuids',
      'sf0101.demo-calldemoservice.fault-reported',
      'sf0101.demo-calldemoservice.data-shown',
      // AccessTokenDemo, imported from an OpenAPI document: the REST checks.
      'sf0101.accesstokendemo-calldemoservice.valid-request',
      'sf0101.accesstokendemo-calldemoservice.headers',
      'sf0101.accesstokendemo-calldemoservice.security',
      'sf0101.accesstokendemo-calldemoservice.token-renewed',
      'sf0101.accesstokendemo-calldemoservice.fault-reported',
      'sf0101.accesstokendemo-calldemoservice.data-shown',
    ]);
    expect(
      suiteTests(genericSuitesFor(catalog).SF0101!)
        .filter((t) => t.id.startsWith('sf0101.accesstokendemo'))
        .map((t) => t.test.verifies.join()),
    ).toEqual(
      ['VALID', 'HEADERS', 'SECURITY', 'EXPIRY', 'FAULT', 'DATA'].map(
        (c) => `SF0101-G-ACCESSTOKENDEMO-CALLDEMOSERVICE-${c}`,
      ),
    );
  });

  it('fail a system that hides the data returned, or reports success on a fault', async () => {
    const suite = genericSuitesFor(catalog).SF0101!;
    const answered =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><CallDemoServiceResponse><responseString>Hej fra Korsbæk Kommune (klarmeld&apos;s testplatform)</responseString></CallDemoServiceResponse></s:Body></s:Envelope>';
    const shown = await runOneTest(
      suite,
      'sf0101.demo-calldemoservice.data-shown',
      standInEnvironment(
        systemAnswering(
          { ok: true, result: { responseString: "Hej fra Korsbæk Kommune (klarmeld's testplatform)" } },
          { responseBody: answered },
        ),
      ),
    );
    expect(shown.result).toBe('pass');
    const hidden = await runOneTest(
      suite,
      'sf0101.demo-calldemoservice.data-shown',
      standInEnvironment(systemAnswering({ ok: true, result: {} }, { responseBody: answered })),
    );
    expect(hidden).toMatchObject({ result: 'fail', message: expect.stringMatching(/did not show Hej fra Korsbæk/) });
    const fault = {
      requestBody: '<messageString>KLARMELD-FEJL</messageString>',
      fault: { code: 'TestFaultRequested', text: 'asked' },
    };
    const reported = await runOneTest(
      suite,
      'sf0101.demo-calldemoservice.fault-reported',
      standInEnvironment(systemAnswering({ ok: false }, fault)),
    );
    expect(reported.result).toBe('pass');
    const hiddenFault = await runOneTest(
      suite,
      'sf0101.demo-calldemoservice.fault-reported',
      standInEnvironment(systemAnswering({ ok: true, result: {} }, fault)),
    );
    expect(hiddenFault).toMatchObject({ result: 'fail', message: expect.stringMatching(/reported success/) });
  });

  it("judge the SOAPAction the platform recorded: missing or another operation's fails, the operation's passes", async () => {
    const suite = genericSuitesFor(catalog).SF0101!;
    const action = contractCatalogue(catalog)
      .flatMap((s) => s.operations)
      .find((o) => o.name === 'callDemoService')?.soapAction;
    expect(action).toMatch(/callDemoService$/);
    const sent = (soapAction?: string) =>
      runOneTest(
        suite,
        'sf0101.demo-calldemoservice.soap-version-and-action',
        standInEnvironment(
          systemAnswering(
            { ok: true, result: {} },
            {
              contentType: 'text/xml; charset=utf-8',
              requestBody: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>',
              ...(soapAction !== undefined && { soapAction }),
            },
          ),
        ),
      );
    expect((await sent(action)).result).toBe('pass');
    expect(await sent()).toMatchObject({
      result: 'fail',
      message: expect.stringMatching(/SOAPAction header is missing/),
    });
    expect(await sent(`${action}Andet`)).toMatchObject({
      result: 'fail',
      message: expect.stringMatching(/SOAPAction header is ".*Andet"; callDemoService's is/),
    });
  });

  it('test only the operations a profile declares; a hand-written suite runs whole', () => {
    const sf1491 = genericSuitesFor(catalog).SF1491!;
    const select = declaredOperations(sf1491, catalog, ['BevillingHent']);
    expect(select('sf1491.ydelselistehent-bevillinghent.data-shown')).toBe(true);
    expect(select('sf1491.ydelselistehent-effektueringhent.data-shown')).toMatch(
      /does not declare this operation of SF1491 \(it declares BevillingHent\)/,
    );
    expect(declaredOperations(sf1491, catalog, [])('sf1491.ydelselistehent-effektueringhent.data-shown')).toBe(true);
    expect(
      declaredOperations(suitesByIntegration.SF1520!, catalog, ['PersonLookup'])('sf1520.lookup.lower-case-uuids'),
    ).toBe(true);
  });
});
