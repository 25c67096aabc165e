import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../../catalog/index.ts';
import { openApiImport, unseenOpenApi } from '../../../catalog/test-fixtures/unseen-openapi/import-unseen-openapi.ts';
import { assertCoverage, suiteTests } from '../../framework/index.ts';
import type { Exchange, SuiteEnvironment } from '../shared/environment.ts';
import { genericSuitesFor } from '../index.ts';
import { runOneTest, standInEnvironment } from '../testing/run-one-test.ts';

const shipped = fileURLToPath(new URL('../../../catalog/data', import.meta.url));

/** A system whose every contract.call is recorded as this exchange of AccessTokenDemo, and answers the trigger so. */
function restSystem(exchange: Partial<Exchange>, ok = true): Pick<SuiteEnvironment, 'trigger' | 'recorder'> {
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
        responseBody: '{}',
        findings: [],
        record: { id },
        ...exchange,
      });
      return ok ? { ok: true, result: {} } : { ok: false, error: { code: 'service-refused', message: 'no' } };
    },
  };
}

describe('the generic suite of REST operations', () => {
  let dir: string;
  let catalog: Catalog;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klarmeld-rest-suite-'));
    cpSync(shipped, join(dir, 'data'), { recursive: true });
    openApiImport(unseenOpenApi, join(dir, 'data'), 'SF9813', 'http://entityid.kombit.dk/service/borgersaglistehent/1');
    catalog = (await loadCatalog(join(dir, 'data'))).catalog;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is made for an OpenAPI document no code names, with stable requirement ids traced to its tests', async () => {
    const suite = genericSuitesFor(catalog).SF9813!;
    expect(suiteTests(suite).map((t) => `${t.id} ${t.test.verifies.join()}`)).toEqual(
      [
        'valid-request VALID',
        'headers HEADERS',
        'security SECURITY',
        'token-renewed EXPIRY',
        'fault-reported FAULT',
      ].map((x) => {
        const [test, check] = x.split(' ');
        return `sf9813.borgersaglistehentrest-borgersaglistehent.${test} SF9813-G-BORGERSAGLISTEHENTREST-BORGERSAGLISTEHENT-${check}`;
      }),
    );
    await assertCoverage(suite);
  });

  it.each([
    [
      'headers',
      { findings: [{ severity: 'error', code: 'rest.header-missing', message: 'x-TransaktionsId is required' }] },
    ],
    [
      'valid-request',
      { findings: [{ severity: 'error', code: 'json.unexpected', message: 'Ukendt is not in the contract' }] },
    ],
    [
      'security',
      { fault: { code: 'rest.token-certificate', text: 'Security Token Invalid: bound to another certificate' } },
    ],
  ])('%s fails on what the platform recorded', async (test, exchange) => {
    const suite = genericSuitesFor(catalog).SF0101!;
    const id = `sf0101.accesstokendemo-calldemoservice.${test}`;
    const passed = await runOneTest(suite, id, standInEnvironment(restSystem({})));
    expect(passed.result).toBe('pass');
    const failed = await runOneTest(suite, id, standInEnvironment(restSystem(exchange as Partial<Exchange>)));
    expect(failed.result).toBe('fail');
  });

  it('security fails a token asked for another municipality', async () => {
    const suite = genericSuitesFor(catalog).SF0101!;
    const env = standInEnvironment(restSystem({}));
    const recorder = env.recorder!;
    const asked: Exchange = {
      id: 't',
      time: '',
      service: 'OAuthClientCredentials',
      operation: 'issue',
      requestBody: JSON.stringify({
        scope: 'entityid:http://entityid.kombit.dk/service/demoservicerest/1,anvenderkontekst:99999999',
      }),
      responseBody: '{}',
      findings: [],
      record: {},
    };
    const since = recorder.since.bind(recorder);
    recorder.since = async (m) => [asked, ...(await since(m))];
    const result = await runOneTest(suite, 'sf0101.accesstokendemo-calldemoservice.security', env);
    expect([result.result, result.message]).toEqual(['fail', expect.stringContaining('CVR 99999999')]);
  });
});
