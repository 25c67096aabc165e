import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePem, idOf, parseXml, selectOne, textOf } from '../../../wire/index.ts';
import { verifySignature } from '../../sts/wss-verify.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import { platformModule as stsModule } from '../../sts/index.ts';
import { createPlatformModule as createOrganisationModule } from '../organisation/index.ts';
import { createPlatformModule as createSdiModule } from './index.ts';
import { sdiNs } from './sdi-xml.ts';

let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
beforeAll(async () => {
  world = await startOioidwsWorld(
    (catalog) => [stsModule, createSdiModule(catalog), createOrganisationModule(catalog)],
    ['SF1470', 'SF1500'],
  );
});
afterAll(async () => world?.stop());

const ns = `xmlns:sdi="${sdiNs.sdi}" xmlns:sag="${sdiNs.sag}" xmlns:sd="${sdiNs.sd}"`;
const action = (op: string) => `http://kombit.dk/sts/sagdokumentindeks/${op}`;
const fremsoeg = (uuid: string) =>
  `<sdi:FremsoegSagDokumentIndeksInput ${ns}><sdi:SagUuid>${uuid}</sdi:SagUuid></sdi:FremsoegSagDokumentIndeksInput>`;
const statusKode = (xml: string) =>
  textOf("//*[local-name()='StandardRetur']/*[local-name()='StatusKode']", parseXml(xml));

describe('SF1470 on a running platform', () => {
  it('finds a seeded Korsbæk case with an SDI token', async () => {
    const token = await world.token(world.entityIds.sagDokumentIndeks);
    const reply = await world.call(
      '/sagdokumentindeks/6',
      action('fremsoeg'),
      fremsoeg('753e0265-9a96-480f-b22c-a6bbbb8b5859'),
      token,
    );
    expect(reply.status).toBe(200);
    expect(statusKode(reply.body)).toBe('20');
    expect(reply.body).toContain('Byggetilladelse til carport');
    // The answer is signed by the service, its certificate included (the OIOIDWS recipient token).
    const doc = parseXml(reply.body);
    const security = selectOne('/soap12:Envelope/soap12:Header/wsse:Security', doc)!;
    const signer = certificatePem(textOf('wsse:BinarySecurityToken', security)!);
    const check = verifySignature(selectOne('ds:Signature', security)!, signer);
    expect(check.ok && check.signedIds.has(idOf(selectOne('/soap12:Envelope/soap12:Body', doc)!)!)).toBe(true);
  });

  it('refuses an Organisation token (audience) and a wrong soapAction', async () => {
    const orgToken = await world.token(world.entityIds.organisation);
    const refused = await world.call(
      '/sagdokumentindeks/6',
      action('fremsoeg'),
      fremsoeg('753e0265-9a96-480f-b22c-a6bbbb8b5859'),
      orgToken,
    );
    expect(refused.status).toBe(500);
    expect(refused.body).toMatch(
      /ask the STS for a token with AppliesTo http:\/\/entityid.kombit.dk\/service\/sdi\/sagdokumentindeks\/6/,
    );
    const sdiToken = await world.token(world.entityIds.sagDokumentIndeks);
    const wrongAction = await world.call(
      '/sagdokumentindeks/6',
      action('fjern'),
      fremsoeg('753e0265-9a96-480f-b22c-a6bbbb8b5859'),
      sdiToken,
    );
    expect(wrongAction.status).toBe(500);
    expect(wrongAction.body).toContain('ActionMismatch');
  });
});
