import { describe, expect, it } from 'vitest';
import { generateEvidenceKeys } from '../evidence/index.ts';
import { integrationEvidence } from './integration-evidence.ts';
import { sampleRun } from './testing/sample-run.ts';
import { verifyRun } from './verify-run.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { validFixture } from '../../catalog/test-fixtures/fixture-copy.ts';

const testCatalog = async () => (await loadCatalog(validFixture)).catalog;

const codes = (report: ReturnType<typeof verifyRun>) => [...new Set(report.problems.map((p) => p.code))].sort();

describe('verifyRun', () => {
  it('accepts an untouched run against its embedded key, and against the same key pinned', async () => {
    const { document, keys } = await sampleRun();
    const embedded = verifyRun(structuredClone(document));
    expect(embedded).toMatchObject({
      ok: true,
      keySource: 'embedded',
      attested: true,
      exchanges: { checked: 2, valid: 2 },
    });
    expect(verifyRun(document, { publicKey: keys.publicKeyPem })).toMatchObject({ ok: true, keySource: 'pinned' });
  });

  it('refuses a document of an older format by name, instead of calling its summary edited', async () => {
    const { document } = await sampleRun();
    const report = verifyRun({ ...structuredClone(document), format: 'klarmeld.run/1' });
    expect(report).toMatchObject({ ok: false, problems: [{ code: 'format-old' }] });
    expect(report.problems[0]!.message).toContain('Run the tests again');
  });

  it('detects a single edited result, even when the summary is edited to match', async () => {
    const { document } = await sampleRun({ notFound: 'fail' });
    const edited = structuredClone(document);
    const test = edited.tests.find((t) => t.id === 'sf9999.lookup.not-found')!;
    test.result = 'pass';
    delete test.blame;
    delete test.message;
    expect(codes(verifyRun(edited))).toEqual(['results-edited', 'summary-edited']);
    const { summarise } = await import('./summarise.ts');
    edited.summary = summarise(edited.tests);
    expect(codes(verifyRun(edited))).toEqual(['results-edited']);
  });

  it('detects an edited exchange and an edited message', async () => {
    const { document } = await sampleRun();
    const exchangeEdited = structuredClone(document);
    exchangeEdited.tests[0]!.exchanges[0]!.status = 404;
    expect(codes(verifyRun(exchangeEdited))).toEqual(['exchange-edited', 'results-edited']);
    const messageEdited = structuredClone(document);
    messageEdited.tests[2]!.message = 'all good';
    expect(codes(verifyRun(messageEdited))).toEqual(['results-edited']);
  });

  it('rejects a run re-signed by someone else when the platform key is pinned', async () => {
    const { keys } = await sampleRun();
    const forged = await sampleRun({ keys: generateEvidenceKeys() });
    expect(verifyRun(forged.document).ok).toBe(true);
    expect(codes(verifyRun(forged.document, { publicKey: keys.publicKeyPem }))).toEqual(
      expect.arrayContaining(['attestation-signature', 'exchange-signature', 'key-mismatch']),
    );
  });

  it('does not accept a run without the platform attestation', async () => {
    const { document } = await sampleRun({ attest: false });
    expect(codes(verifyRun(document))).toEqual(['not-attested']);
  });

  it('names the fields of a document that is not a run document', () => {
    const report = verifyRun({ format: 'something else' });
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.message).toMatch(/format/);
  });

  describe('whom the evidence is about', () => {
    it("binds a genuine run to the catalogue's it-system of its system", async () => {
      const catalog = await testCatalog();
      const { document } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
      expect(verifyRun(document, { catalog })).toMatchObject({
        ok: true,
        system: { id: 'jobcenter-plus', uuid: '0b5a7c41-5d0e-4f8a-9f4c-3a1e2d6b7c80', catalogue: 'matches' },
      });
      expect(verifyRun(document).system).toMatchObject({ catalogue: 'not-checked' });
    });

    it("rejects a run for one system made with another system's certificate and exchanges (issue 9's forged run)", async () => {
      const catalog = await testCatalog();
      // oekonomi-let's certificate made the exchanges and asked for the attestation, naming
      // jobcenter-plus as the system the run is for.
      const oekonomiLet = catalog.systems.find((s) => s.id === 'oekonomi-let')!.userSystemUuid;
      const { document } = await sampleRun({
        system: 'jobcenter-plus',
        integration: 'SF1520',
        systemUuid: oekonomiLet,
      });
      const report = verifyRun(document, { catalog });
      expect(codes(report)).toEqual(['system-mismatch']);
      expect(report.system).toMatchObject({ uuid: oekonomiLet, catalogue: 'other-it-system' });
      expect(report.problems[0]!.message).toContain(
        `its evidence was made with the certificate of it-system ${oekonomiLet}`,
      );
    });

    it('rejects a run whose attestation names another system than its profile, with or without a catalogue', async () => {
      const { document } = await sampleRun({
        system: 'jobcenter-plus',
        integration: 'SF1520',
        attestedSystem: 'oekonomi-let',
      });
      expect(codes(verifyRun(document))).toEqual(['system-not-attested']);
    });

    it("rejects a run that embeds another it-system's exchange, even one the platform signed", async () => {
      const { document, keys } = await sampleRun({ system: 'jobcenter-plus', integration: 'SF1520' });
      const { signedExchange } = await import('./testing/sample-run.ts');
      const forged = structuredClone(document);
      const { digest: _d, signature: _s, ...plain } = forged.tests[0]!.exchanges[0]!;
      forged.tests[0]!.exchanges[0] = signedExchange(
        { ...plain, systemUuid: '1c6b8d52-6e1f-4a9b-8a5d-4b2f3e7c8d91' },
        keys,
      );
      expect(codes(verifyRun(forged))).toContain('exchange-other-system');
    });
  });

  it('counts SHALL passes only for a run that verifies', async () => {
    const { document } = await sampleRun();
    expect(integrationEvidence(verifyRun(document))).toEqual([
      {
        integration: 'SF9999',
        suite: 'sf9999',
        shallTotal: 2,
        shallRan: 2,
        shallNotRun: [],
        environmentErrors: [],
        shallPassed: 2,
        shallPassedWithEvidence: 1,
        preconditions: ['sf9999.lookup.not-found'],
        exchanges: 1,
      },
    ]);
    const edited = structuredClone(document);
    edited.tests[0]!.title = 'changed';
    expect(integrationEvidence(verifyRun(edited))[0]!.shallPassedWithEvidence).toBe(0);
  });
});
