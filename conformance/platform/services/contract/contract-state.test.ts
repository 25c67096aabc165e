import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KorsbaekSample } from '../../../../catalog/index.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import { buildMessage } from './build-message.ts';
import { contractServices, type ContractService } from './contract-services.ts';
import { loadModules } from '../../server/start-platform.ts';

const korsbaekClass = '5f0c2b7e-9a41-4d6e-8c13-2b7a0e9d4f15';
const unknown = '0d6f3c1a-2b4e-4f5a-8c7d-9e0f1a2b3c4d';
const klassifikation = 'http://entityid.kombit.dk/service/klassifikation/7';
const ydelsesindeks = 'http://entityid.kombit.dk/service/ydi/ydelseindeks/6';

describe('the contract module keeps what the OIO Sag/Dok operations write (issue 12: state where the contract implies it)', () => {
  let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
  let served: ContractService[];
  beforeAll(async () => {
    world = await startOioidwsWorld((catalog) => loadModules(catalog, []), ['SF1490', 'SF1510']);
    served = contractServices(world.catalog).served;
  });
  afterAll(async () => world?.stop());

  /** Calls one operation of a service with a request built from its tree and these values; returns the answer's body. */
  async function call(path: string, operation: string, entityId: string, samples: KorsbaekSample[] = []) {
    const service = served.find((s) => s.path === path)!;
    const op = service.operations.find((o) => o.name === operation)!;
    const request = buildMessage(op.input, { samples, echo: new Map() });
    const res = await world.call(path, op.soapAction!, request, await world.token(entityId));
    expect(res.status).toBe(200);
    return res.body;
  }
  const klasse = (operation: string, samples: KorsbaekSample[] = []) =>
    call('/klasse/7', operation, klassifikation, samples);
  const uuid = (value: string) => [{ field: 'UUIDIdentifikator', values: [value] }];
  const statusOf = (body: string) => body.match(/<StatusKode[^>]*>(\d+)<\/StatusKode>/)?.[1];
  /** The element with this local name and text, whatever namespace declaration it carries. */
  const element = (name: string, text: string) => new RegExp(`<${name}(\\s[^>]*)?>${text}</${name}>`);
  const exchangeFindings = () =>
    (world.platform.recorder.exchanges({ systemUuid: world.system.systemUuid }) as { findings: { code: string }[] }[])
      .flatMap((e) => e.findings.map((f) => f.code))
      .filter((c) => c.startsWith('response.'));

  it("holds Korsbæk's class from the samples: laes of its UUID answers it, an unknown UUID is StandardRetur 44", async () => {
    const known = await klasse('laes', uuid(korsbaekClass));
    expect(statusOf(known)).toBe('20');
    expect(known).toMatch(element('UUIDIdentifikator', `${korsbaekClass}`));
    expect(known).toMatch(element('BrugervendtNoegleTekst', '15.00.00'));
    expect(known).toMatch(element('TitelTekst', 'Kontanthjælp'));
    const missing = await klasse('laes', uuid(unknown));
    expect(statusOf(missing)).toBe('44');
    expect(missing).not.toContain('FiltreretOejebliksbillede');
  });

  it('opret keeps a new class under the UUID it answers; laes, ret, soeg, passiver and slet then act on it', async () => {
    const created = await klasse('opret', [
      { field: 'AttributListe/Egenskab/BrugervendtNoegleTekst', values: ['27.00.00'] },
      { field: 'AttributListe/Egenskab/TitelTekst', values: ['Beskæftigelse'] },
    ]);
    expect(statusOf(created)).toBe('20');
    const id = created.match(/<UUIDIdentifikator[^>]*>([0-9a-f-]{36})</)![1]!;

    const read = await klasse('laes', uuid(id));
    expect(read).toMatch(element('TitelTekst', 'Beskæftigelse'));
    expect(read).toMatch(element('LivscyklusKode', 'Opstaaet'));

    expect(
      statusOf(await klasse('ret', [...uuid(id), { field: 'AttributListe/Egenskab/TitelTekst', values: ['Job'] }])),
    ).toBe('20');
    const changed = await klasse('laes', uuid(id));
    expect(changed).toMatch(element('TitelTekst', 'Job'));
    expect(changed).not.toContain('Beskæftigelse');
    // The contract's LivscyklusKodeType has no "Rettet": a change keeps the code.
    expect(changed).toMatch(element('LivscyklusKode', 'Opstaaet'));

    // ret replaced the attribute list with its own (title only): the search finds the class by what it holds now.
    const byKey = await klasse('soeg', [{ field: 'TitelTekst', values: ['Job'] }]);
    expect(byKey.match(/<IdListe[^>]*>.*<\/IdListe>/)?.[0]).toContain(id);
    expect(byKey).not.toContain(korsbaekClass);
    const none = await klasse('soeg', [{ field: 'BrugervendtNoegleTekst', values: ['27.00.00'] }]);
    expect(none).not.toMatch(/<IdListe[\s>]/);

    expect(statusOf(await klasse('passiver', uuid(id)))).toBe('20');
    expect(await klasse('laes', uuid(id))).toMatch(element('LivscyklusKode', 'Passiveret'));
    expect(statusOf(await klasse('slet', uuid(id)))).toBe('20');
    expect(statusOf(await klasse('laes', uuid(id)))).toBe('44');
    expect(statusOf(await klasse('slet', uuid(id)))).toBe('44');
    expect(statusOf(await klasse('ret', uuid(id)))).toBe('44');
  });

  it('Ydelsesindeks: a Bevilling importer keeps is found by fremsoeg until fjern removes it', async () => {
    const bevilling = '7c2e9b40-5d1a-4e8f-9b3c-1a2d3e4f5a6b';
    const imported = await call('/ydelseindeks/6', 'importer', ydelsesindeks, [
      { field: 'BevillingIndeks/BevillingIndeks/UUIDIdentifikator', values: [bevilling] },
      { field: 'BevillingIndeks/BevillingIndeks/Registrering/NoteTekst', values: ['Kontanthjælp, Korsbæk'] },
    ]);
    expect(statusOf(imported)).toBe('20');
    const search = [{ field: 'BevillingUuid', values: [bevilling] }];
    const found = await call('/ydelseindeks/6', 'fremsoeg', ydelsesindeks, search);
    expect(found).toMatch(new RegExp(`<BevillingFiltreretOejebliksbillede>.*${bevilling}`));
    expect(found).toMatch(element('NoteTekst', 'Kontanthjælp, Korsbæk'));
    expect(found).toMatch(element('LivscyklusKode', 'Importeret'));
    expect(found).not.toContain('OekonomiskEffektueringFiltreretOejebliksbillede');

    expect(statusOf(await call('/bevillingindeks/6', 'fjern', ydelsesindeks, uuid(bevilling)))).toBe('20');
    const gone = await call('/ydelseindeks/6', 'fremsoeg', ydelsesindeks, search);
    expect(gone).not.toContain(bevilling);
    expect(statusOf(await call('/bevillingindeks/6', 'fjern', ydelsesindeks, uuid(bevilling)))).toBe('44');
  });

  it("answers every state-built response within the contract's tree (no response findings recorded)", () => {
    expect(exchangeFindings()).toEqual([]);
  });
});
