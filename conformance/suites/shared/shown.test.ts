import { beforeAll, describe, expect, it } from 'vitest';
import type { KorsbaekPerson } from '../../../catalog/index.ts';
import { TestFailure } from '../../framework/index.ts';
import { suitesByIntegration } from '../index.ts';
import { runOneTest, standInEnvironment } from '../testing/run-one-test.ts';
import type { Exchange, SuiteEnvironment, TriggerOutcome } from './environment.ts';
import { korsbaekData } from './korsbaek-data.ts';
import { expectPersonShown, expectUserShown } from './shown.ts';

const anne = '0103701111';
let persons: readonly KorsbaekPerson[];
beforeAll(async () => {
  persons = (await korsbaekData()).persons;
});
const failure = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof TestFailure) return error.message;
    throw error;
  }
  return undefined;
};

describe('expectPersonShown', () => {
  it('accepts the person as the CPR replica names them, in the shapes systems use', () => {
    for (const result of [
      { cpr: anne, name: 'Anne Marie Hansen', address: 'Algade 14, 2. tv, 4999 Korsbæk' },
      { personnummer: '010370-1111', navn: 'Hansen,Anne Marie' },
      { person: { fornavn: 'Anne', efternavn: 'Hansen' }, relations: { spouse: '1204681113' } },
    ]) {
      expect(
        failure(() => expectPersonShown({ ok: true, result }, anne, persons)),
        JSON.stringify(result),
      ).toBeUndefined();
    }
  });

  it('fails on { "ok": true } alone, on another person, on a wrong CPR number and on a wrong address, saying which', () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /showed no person: .*no result, only \{ "ok": true \}/],
      [{}, /showed no person/],
      [
        { cpr: '1204681113', name: 'Bo Hansen' },
        /showed another person: Bo Hansen \(1204681113\) instead of Anne Marie Hansen/,
      ],
      [{ name: 'Emil Hansen' }, /showed another person: Emil Hansen/],
      [{ cpr: '0103701112', name: 'Anne Hansen' }, /CPR number 0103701112, not 0103701111/],
      [{ cpr: anne, name: 'A. H.' }, /does not name the person/],
      [{ cpr: anne, name: 'Anne Hansen', address: 'Stationsvej 3B' }, /lives at Algade 14/],
    ];
    for (const [result, message] of cases)
      expect(
        failure(() => expectPersonShown({ ok: true, result }, anne, persons)),
        JSON.stringify(result),
      ).toMatch(message);
  });

  it('fails with what the system reported when it did not succeed', () => {
    expect(
      failure(() => expectPersonShown({ ok: false, error: { code: 'failed', message: 'boom' } }, anne, persons)),
    ).toMatch(/the system reported failed: boom/);
  });
});

describe('expectUserShown', () => {
  it('needs the name Organisation has for the user', () => {
    const user = { uuid: '273e2e2b-8778-44c9-8a65-9af669655990', name: 'Ulla Jakobsen' };
    expect(
      failure(() => expectUserShown({ ok: true, result: { uuid: user.uuid, name: 'Ulla Jakobsen' } }, user)),
    ).toBeUndefined();
    expect(failure(() => expectUserShown({ ok: true }, user))).toMatch(/showed no user/);
    expect(failure(() => expectUserShown({ ok: true, result: { uuid: user.uuid, name: '' } }, user))).toMatch(
      /does not name the user/,
    );
  });
});

/** A system whose PersonLookup reaches the platform well-formed and is answered, and whose trigger answers `answer`. */
function systemAnswering(answer: TriggerOutcome): Pick<SuiteEnvironment, 'trigger' | 'recorder'> {
  const exchanges: Exchange[] = [];
  return {
    recorder: { mark: async () => String(exchanges.length), since: async (marker) => exchanges.slice(Number(marker)) },
    async trigger() {
      const id = String(exchanges.length + 1);
      exchanges.push({
        id,
        time: new Date().toISOString(),
        service: 'PersonBaseDataExtendedService',
        operation: 'PersonLookup',
        requestBody: '<x/>',
        responseBody: '<ok/>',
        findings: [],
        record: { id },
      });
      return answer;
    },
  };
}

describe('sf1520.lookup.valid-request-gets-person judges what the system shows (issue 10)', () => {
  const run = (answer: TriggerOutcome) =>
    runOneTest(
      suitesByIntegration.SF1520!,
      'sf1520.lookup.valid-request-gets-person',
      standInEnvironment(systemAnswering(answer)),
    );

  it('fails a system that answers { "ok": true } without a person, naming SF1520-R06', async () => {
    expect(await run({ ok: true })).toMatchObject({
      result: 'fail',
      blame: 'supplier',
      level: 'SHALL',
      verifies: ['SF1520-R06'],
      message: expect.stringMatching(/showed no person/),
    });
  });

  it("fails a system that shows another Korsbæk person's data", async () => {
    expect(
      await run({ ok: true, result: { cpr: '1204681113', name: 'Bo Hansen', address: 'Algade 14' } }),
    ).toMatchObject({ result: 'fail', message: expect.stringMatching(/another person: Bo Hansen/) });
  });

  it('passes a system that shows the person', async () => {
    expect((await run({ ok: true, result: { cpr: anne, name: 'Anne Marie Hansen' } })).result).toBe('pass');
  });
});
