import { join } from 'node:path';
import type { Agent } from 'undici';
import { createClientAsync as createBrugerClient } from '../generated/bruger/index.ts';
import { createClientAsync as createEnhedClient } from '../generated/organisationenhed/index.ts';
import { contractsDir } from './contracts.ts';
import { soapRequest } from './http.ts';
import { callOioidws } from './oioidws-call.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';
import { escapeXml, statusKode, textsOf } from './xml.ts';

const ORGANISATION = 'http://stoettesystemerne.dk/service/organisation/3';
const SD = 'urn:oio:sagdok:3.0.0';

/** SF1500 Organisation: read a user (Bruger laes) and search units by name (OrganisationEnhed soeg). */
export async function createOrganisation(options: {
  agent: Agent;
  tokens: TokenSource;
  keyPem: string;
  brugerUrl: string;
  enhedUrl: string;
  uuid: (value: string) => string;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
}) {
  const common = { request: soapRequest(options.agent) as never, forceSoap12Headers: true };
  const bruger = await createBrugerClient(join(contractsDir, 'SF1500/6/Bruger.wsdl'), { ...common, endpoint: options.brugerUrl });
  const enhed = await createEnhedClient(join(contractsDir, 'SF1500/6/OrganisationEnhed.wsdl'), { ...common, endpoint: options.enhedUrl });
  const call = (client: typeof bruger | typeof enhed, objekt: string, operation: string, endpoint: string, bodyXml: string) =>
    options.retry(() =>
      callOioidws({
        client, operation, endpoint, bodyXml, tokens: options.tokens, keyPem: options.keyPem, entityId: ORGANISATION,
        soapAction: `http://kombit.dk/sts/organisation/${objekt}/${operation}`,
      }),
    );

  return {
    async readUser(uuid: string) {
      const answer = await call(bruger, 'bruger', 'laes', options.brugerUrl,
        `<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="${SD}"><sd:UUIDIdentifikator>${escapeXml(options.uuid(uuid))}</sd:UUIDIdentifikator></b:LaesInput>`);
      const { kode, tekst } = statusKode(answer);
      if (kode === 44) throw new ActionError('user-not-found', tekst || `No user ${uuid}`);
      if (kode !== 20) throw new ActionError('organisation-refused', `StatusKode ${kode}: ${tekst}`);
      return { uuid, name: textsOf(answer, 'BrugerNavn')[0] ?? '', userId: textsOf(answer, 'BrugervendtNoegleTekst')[0] ?? '' };
    },
    async searchUnits(name?: string) {
      const e = 'http://stoettesystemerne.dk/organisation/organisationenhed/6/';
      const egenskab = name ? `<oe:Egenskab><sd:EnhedNavn>${escapeXml(name)}</sd:EnhedNavn></oe:Egenskab>` : '';
      const answer = await call(enhed, 'organisationenhed', 'soeg', options.enhedUrl,
        `<oe:SoegInput xmlns:oe="${e}" xmlns:sd="${SD}"><sd:MaksimalAntalKvantitet>50</sd:MaksimalAntalKvantitet><oe:AttributListe>${egenskab}</oe:AttributListe><oe:TilstandListe/><oe:RelationListe/></oe:SoegInput>`);
      const { kode, tekst } = statusKode(answer);
      if (kode !== 20) throw new ActionError('organisation-refused', `StatusKode ${kode}: ${tekst}`);
      return { unitUuids: textsOf(answer, 'UUIDIdentifikator') };
    },
  };
}
