import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Exchange, Recorder, SuiteEnvironment } from '../shared/environment.ts';
import { runOneTest, standInEnvironment } from '../testing/run-one-test.ts';
import { importedCaseUuids } from './imported-cases.ts';
import { sf1470Suite } from './suite.ts';

const testId = 'sf1470.index.re-import-idempotent';

/** An importer request as a system sends it (SOAP 1.2, one SagIndeks), trimmed to what the test reads. */
const importerRequest = (
  caseUuid: string,
  reference: string,
) => `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/><s:Body>
<sdi:ImporterSagDokumentIndeksInput xmlns:sdi="urn:oio:sts:sagdok:sagdokumentindeks:6" xmlns:sd="urn:oio:sagdok:3.0.0" xmlns:sag="urn:oio:sts:sagdok:sag:6">
<sdi:SagIndeks><sd:UUIDIdentifikator>${caseUuid}</sd:UUIDIdentifikator><sag:Registrering><sag:AttributListe><sag:Egenskaber><sd:BrugervendtNoegle>${reference}</sd:BrugervendtNoegle></sag:Egenskaber></sag:AttributListe></sag:Registrering></sdi:SagIndeks>
</sdi:ImporterSagDokumentIndeksInput></s:Body></s:Envelope>`;

/**
 * A stand-in system behind its trigger, and the platform's record of what it sent. The index is
 * keyed by case UUID, as the platform's is: a system that gives its case a new UUID on every
 * import leaves two entries, each of which fremsoeg by UUID finds once.
 */
function standInSystem(options: { newUuidEachImport: boolean }): Pick<SuiteEnvironment, 'trigger' | 'recorder'> {
  const exchanges: Exchange[] = [];
  const index = new Set<string>();
  const uuidsByReference = new Map<string, string>();
  const record = (operation: string, requestBody: string) => {
    const id = String(exchanges.length + 1);
    exchanges.push({
      id,
      time: new Date().toISOString(),
      integration: 'SF1470',
      service: 'SagDokumentIndeks',
      operation,
      requestBody,
      responseBody: '',
      findings: [],
      record: { id, digest: id },
    });
  };
  const recorder: Recorder = {
    mark: async () => String(exchanges.length),
    since: async (marker) => exchanges.slice(Number(marker)),
  };
  return {
    recorder,
    async trigger(action, params) {
      if (action === 'sdi.import-case') {
        const reference = String(params.caseReference);
        const known = options.newUuidEachImport ? undefined : uuidsByReference.get(reference);
        const caseUuid = known ?? randomUUID();
        uuidsByReference.set(reference, caseUuid);
        index.add(caseUuid);
        record('importer', importerRequest(caseUuid, reference));
        return { ok: true, result: { caseUuid } };
      }
      if (action === 'sdi.search') {
        record('fremsoeg', '<fremsoeg/>');
        return { ok: true, result: { caseUuids: [...index].filter((u) => u === params.caseUuid) } };
      }
      return { ok: false, error: { code: 'unsupported-action', message: action } };
    },
  };
}

describe(testId, () => {
  it('reads the case UUID of each SagIndeks in an importer request', () => {
    const uuid = randomUUID();
    expect(importedCaseUuids(importerRequest(uuid.toUpperCase(), 'SAG-1'))).toEqual([uuid]);
    expect(importedCaseUuids('<not-an-envelope/>')).toEqual([]);
  });

  it('passes for a system that gives its case a UUID once and reuses it', async () => {
    const record = await runOneTest(
      sf1470Suite,
      testId,
      standInEnvironment(standInSystem({ newUuidEachImport: false })),
    );
    expect({ result: record.result, message: record.message }).toEqual({ result: 'pass', message: undefined });
    expect(record.inputs.caseReference).toMatch(/^KLARMELD-/);
  });

  it('fails for a system that mints a new UUID each time it indexes the same case', async () => {
    const record = await runOneTest(
      sf1470Suite,
      testId,
      standInEnvironment(standInSystem({ newUuidEachImport: true })),
    );
    expect(record).toMatchObject({
      result: 'fail',
      blame: 'supplier',
      message: expect.stringMatching(
        /indexed its case KLARMELD-\w+ as [0-9a-f-]{36} and then again as [0-9a-f-]{36}: indexing a case again must reuse its UUID/,
      ),
    });
  });
});
