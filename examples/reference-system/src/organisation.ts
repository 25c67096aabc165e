import { join } from 'node:path';
import type { Agent } from 'undici';
import { createClientAsync as createBrugerClient, type SdlaesInputType } from '../generated/bruger/index.ts';
import { createClientAsync as createEnhedClient } from '../generated/organisationenhed/index.ts';
import { contractsDir } from './contracts.ts';
import { soapRequest } from './http.ts';
import { withOioidws } from './oioidws-call.ts';
import type { Faults } from './faults.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';
import { textsOf } from './xml.ts';

const ORGANISATION = 'http://stoettesystemerne.dk/service/organisation/3';
const SDI_ENTITY = 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6';

/** SF1500 Organisation: read a user (Bruger laes) and search units by name (OrganisationEnhed soeg). */
export async function createOrganisation(options: {
  agent: Agent;
  tokens: TokenSource;
  keyPem: string;
  brugerUrl: string;
  enhedUrl: string;
  uuid: (value: string) => string;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
  faults: Faults;
}) {
  const { faults } = options;
  const common = {
    request: soapRequest(options.agent) as never,
    forceSoap12Headers: !faults.has('soap-1-1-to-stoettesystemer'),
  };
  const bruger = await createBrugerClient(join(contractsDir, 'SF1500/6/Bruger.wsdl'), {
    ...common,
    endpoint: options.brugerUrl,
  });
  const enhed = await createEnhedClient(join(contractsDir, 'SF1500/6/OrganisationEnhed.wsdl'), {
    ...common,
    endpoint: options.enhedUrl,
  });
  const signed = (objekt: string, operation: string, endpoint: string) => ({
    soapAction: `http://kombit.dk/sts/organisation/${objekt}/${operation}`,
    endpoint,
    entityId: faults.has('wrong-token-audience') ? SDI_ENTITY : ORGANISATION,
    tokens: options.tokens,
    keyPem: options.keyPem,
    // The mistake of confusing the two addresses: wsa:To is the endpoint called, not the entityID the token is for.
    ...(faults.has('wsa-to-entity-id') ? { to: ORGANISATION } : {}),
  });
  const status = (retur: { StatusKode?: number | string; FejlbeskedTekst?: string } | undefined) => ({
    kode: Number(retur?.StatusKode),
    tekst: retur?.FejlbeskedTekst ?? '',
  });

  return {
    async readUser(uuid: string) {
      const [answer, raw] = await options.retry(() =>
        // LaesInput extends sd:LaesInputType; soap would write its UUIDIdentifikator in the bruger
        // namespace, so the key names the sd: prefix the contract declares.
        withOioidws(bruger, signed('bruger', 'laes', options.brugerUrl), (c) =>
          c.laesAsync({ 'sd:UUIDIdentifikator': options.uuid(uuid) } as SdlaesInputType),
        ),
      );
      const { kode, tekst } = status(answer.StandardRetur);
      if (kode === 44 && faults.has('user-not-found-as-success')) return { uuid, name: '', userId: '' };
      if (kode === 44) throw new ActionError('user-not-found', tekst || `No user ${uuid}`);
      if (kode !== 20) throw new ActionError('organisation-refused', `StatusKode ${kode}: ${tekst}`);
      return {
        uuid,
        name: textsOf(String(raw), 'BrugerNavn')[0] ?? '',
        userId: textsOf(String(raw), 'BrugervendtNoegleTekst')[0] ?? '',
      };
    },
    async searchUnits(name?: string) {
      const [answer] = await options.retry(() =>
        withOioidws(enhed, signed('organisationenhed', 'soeg', options.enhedUrl), (c) =>
          c.soegAsync({
            MaksimalAntalKvantitet: 50,
            AttributListe: { Egenskab: name ? [{ EnhedNavn: name }] : [] },
            TilstandListe: {},
            RelationListe: {},
          }),
        ),
      );
      const { kode, tekst } = status(answer.StandardRetur);
      if (kode !== 20) throw new ActionError('organisation-refused', `StatusKode ${kode}: ${tekst}`);
      return { unitUuids: faults.has('units-not-shown') ? [] : [answer.IdListe?.UUIDIdentifikator ?? []].flat() };
    },
  };
}
