import { describe, expect, it } from 'vitest';
import { suitesByIntegration } from './index.ts';
import type { Exchange, Recorder, SuiteEnvironment } from './shared/environment.ts';
import { expectLowerCaseUuids } from './shared/request-checks.ts';
import { runOneTest, standInEnvironment } from './testing/run-one-test.ts';

/**
 * Checks that have nothing to look at must not pass: a request without a SOAP Body has no
 * UUIDs to judge, and an agreement the runner cannot list cannot be confirmed.
 */

/** The service and operation the platform records for each action of the stand-in system. */
const recordedAs: Record<string, { service: string; operation: string }> = {
  'cpr.lookup': { service: 'PersonBaseDataExtendedService', operation: 'PersonLookup' },
  'organisation.read-user': { service: 'Bruger', operation: 'laes' },
  'sdi.import-case': { service: 'SagDokumentIndeks', operation: 'importer' },
};

/** A system whose every request reaches the platform with this body, and the platform's record of it. */
function systemSending(requestBody: string): Pick<SuiteEnvironment, 'trigger' | 'recorder'> {
  const exchanges: Exchange[] = [];
  const recorder: Recorder = {
    mark: async () => String(exchanges.length),
    since: async (marker) => exchanges.slice(Number(marker)),
  };
  return {
    recorder,
    async trigger(action) {
      const as = recordedAs[action];
      if (!as) return { ok: false, error: { code: 'unsupported-action', message: action } };
      const id = String(exchanges.length + 1);
      exchanges.push({
        id,
        time: new Date().toISOString(),
        ...as,
        requestBody,
        responseBody: '',
        findings: [],
        record: { id, digest: id },
      });
      return { ok: true, result: {} };
    },
  };
}

const envelope = (body: string) => `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">${body}</s:Envelope>`;
const exchange = (requestBody: string) => ({ requestBody }) as Exchange;

describe('lower-case UUIDs: a request without a Body is not a pass', () => {
  it('expectLowerCaseUuids fails on an empty body, text that is not XML and an envelope without a Body', () => {
    for (const body of ['', 'PersonLookup please', envelope('<s:Header/>')]) {
      expect(() => expectLowerCaseUuids(exchange(body)), JSON.stringify(body)).toThrow(
        /There is no request body to inspect/,
      );
    }
    expect(() =>
      expectLowerCaseUuids(exchange(envelope('<s:Body><x>0D6C1B7E-3F0A-4C55-9E2B-6F1D2A4B5C6D</x></s:Body>'))),
    ).toThrow(/upper-case letters: 0D6C1B7E/);
    expect(() =>
      expectLowerCaseUuids(exchange(envelope('<s:Body><x>0d6c1b7e-3f0a-4c55-9e2b-6f1d2a4b5c6d</x></s:Body>'))),
    ).not.toThrow();
  });

  for (const testId of [
    'sf1520.lookup.lower-case-uuids',
    'sf1500.read.lower-case-uuids',
    'sf1470.index.lower-case-uuids',
  ]) {
    it(`${testId} fails when the recorded request has no body`, async () => {
      const integration = testId.slice(0, 6).toUpperCase();
      const record = await runOneTest(suitesByIntegration[integration]!, testId, standInEnvironment(systemSending('')));
      expect(record).toMatchObject({
        result: 'fail',
        blame: 'supplier',
        message: expect.stringMatching(/There is no request body to inspect/),
      });
    });
  }
});

describe('sf1520.lookup.own-identifiers without a list of the agreements', () => {
  const lookup = (agreementUuid: string) =>
    envelope(
      `<s:Body><PersonLookupRequest><inv:InvocationContext xmlns:inv="http://serviceplatformen.dk/xml/schemas/InvocationContext/1/"><inv:ServiceAgreementUUID>${agreementUuid}</inv:ServiceAgreementUUID><inv:UserSystemUUID>0c1f4d1e-8a5e-4c55-9b3a-7f1c2d3e4f50</inv:UserSystemUUID><inv:UserUUID>6a5c1f3e-0c1b-4d3e-9f4a-2b7d8e9f0a1b</inv:UserUUID><inv:ServiceUUID>e6be2436-bf35-4df2-83fe-925142825dc2</inv:ServiceUUID></inv:InvocationContext></PersonLookupRequest></s:Body>`,
    );
  const agreementUuid = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

  it('is skipped with the reason, not passed, when the runner cannot list the agreements', async () => {
    const env = standInEnvironment({ ...systemSending(lookup(agreementUuid)), platform: { agreements: undefined } });
    const record = await runOneTest(suitesByIntegration.SF1520!, 'sf1520.lookup.own-identifiers', env);
    expect(record).toMatchObject({
      result: 'skip',
      message: expect.stringMatching(
        /whether ServiceAgreementUUID is an approved agreement of this it-system cannot be checked/,
      ),
    });
  });

  it('passes with the agreement listed and fails with an agreement that is not the system’s', async () => {
    const agreements = [
      {
        uuid: agreementUuid,
        integration: 'SF1520',
        service: 'PersonBaseDataExtendedService',
        municipalityCvr: '11111111',
        status: 'approved',
      },
    ];
    const own = await runOneTest(
      suitesByIntegration.SF1520!,
      'sf1520.lookup.own-identifiers',
      standInEnvironment({ ...systemSending(lookup(agreementUuid)), platform: { agreements } }),
    );
    expect(own.result).toBe('pass');
    const other = await runOneTest(
      suitesByIntegration.SF1520!,
      'sf1520.lookup.own-identifiers',
      standInEnvironment({
        ...systemSending(lookup('7b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e')),
        platform: { agreements },
      }),
    );
    expect(other).toMatchObject({
      result: 'fail',
      message: expect.stringMatching(/is not an approved agreement of this it-system/),
    });
  });
});
