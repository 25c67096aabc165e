import { join } from 'node:path';
import type { Agent } from 'undici';
import { createClientAsync } from '../generated/sagdokumentindeksservice/index.ts';
import type { Clock } from './clock.ts';
import { contractsDir } from './contracts.ts';
import { soapRequest } from './http.ts';
import { callOioidws } from './oioidws-call.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';
import { escapeXml, statusKode, textsOf } from './xml.ts';

const SDI_ENTITY = 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6';
const NS = 'xmlns:sdi="urn:oio:sts:sagdok:sagdokumentindeks:6" xmlns:sag="urn:oio:sts:sagdok:sag:6" xmlns:gd="urn:oio:sts:generelledefinitioner:6" xmlns:sd="urn:oio:sagdok:3.0.0"';
/** The KLE class and the case worker our cases point at (Korsbæk's fixtures). */
const KLE_CLASS = '0a225571-bede-4a0f-b464-eb8b0e66bb43';
const CASE_WORKER = '273e2e2b-8778-44c9-8a65-9af669655990';

/** SF1470 Sags- og dokumentindeks: index our cases (importer), find them (fremsoeg), remove them (fjern). */
export async function createSdi(options: {
  agent: Agent;
  tokens: TokenSource;
  keyPem: string;
  url: string;
  clock: Clock;
  uuid: (value: string) => string;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
}) {
  const client = await createClientAsync(join(contractsDir, 'SF1470/6/SagDokumentIndeksService.wsdl'), {
    request: soapRequest(options.agent) as never,
    forceSoap12Headers: true,
    endpoint: options.url,
  });
  const call = (operation: string, bodyXml: string) =>
    options.retry(() =>
      callOioidws({
        client, operation, bodyXml, endpoint: options.url, tokens: options.tokens, keyPem: options.keyPem, entityId: SDI_ENTITY,
        soapAction: `http://kombit.dk/sts/sagdokumentindeks/${operation}`,
      }),
    );
  const virkning = (at: string, prefix: string) =>
    `<${prefix}:Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>${at}</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt></${prefix}:Virkning>`;
  const reference = (element: string, uuid: string, at: string) =>
    `<sag:${element}>${virkning(at, 'gd')}<gd:ReferenceID><sd:UUIDIdentifikator>${options.uuid(uuid)}</sd:UUIDIdentifikator></gd:ReferenceID></sag:${element}>`;

  return {
    async importCase(kase: { caseUuid: string; title: string }) {
      const at = options.clock.now().toISOString().replace(/\.\d+Z$/, 'Z');
      const answer = await call('importer',
        `<sdi:ImporterSagDokumentIndeksInput ${NS}><sdi:SagIndeks><sd:UUIDIdentifikator>${escapeXml(options.uuid(kase.caseUuid))}</sd:UUIDIdentifikator><sag:Registrering>` +
          `<sd:Tidspunkt>${at}</sd:Tidspunkt><sd:LivscyklusKode>Importeret</sd:LivscyklusKode><sd:BrugerRef><sd:UUIDIdentifikator>${options.uuid(CASE_WORKER)}</sd:UUIDIdentifikator></sd:BrugerRef>` +
          `<sag:AttributListe><sag:Egenskaber>${virkning(at, 'sag')}<sag:BrugervendtNoegle>REF-${escapeXml(kase.caseUuid.slice(0, 8))}</sag:BrugervendtNoegle><sag:Titel>${escapeXml(kase.title)}</sag:Titel></sag:Egenskaber></sag:AttributListe>` +
          `<sag:TilstandListe><sag:Fremdrift>${virkning(at, 'sag')}<sag:FremdriftStatusKode>Opstaaet</sag:FremdriftStatusKode></sag:Fremdrift></sag:TilstandListe>` +
          `<sag:RelationListe>${reference('Sagsaktoer', CASE_WORKER, at)}${reference('Sagsklasse', KLE_CLASS, at)}</sag:RelationListe>` +
          `</sag:Registrering></sdi:SagIndeks></sdi:ImporterSagDokumentIndeksInput>`);
      const { kode, tekst } = statusKode(answer);
      if (kode !== 20) throw new ActionError('index-refused', `importer answered StatusKode ${kode}: ${tekst}`);
      return { caseUuid: kase.caseUuid };
    },
    async search(query: { caseUuid?: string }) {
      if (!query.caseUuid) throw new ActionError('bad-params', 'Search by caseUuid');
      const answer = await call('fremsoeg', `<sdi:FremsoegSagDokumentIndeksInput ${NS}><sdi:SagUuid>${escapeXml(options.uuid(query.caseUuid))}</sdi:SagUuid></sdi:FremsoegSagDokumentIndeksInput>`);
      const { kode, tekst } = statusKode(answer);
      if (kode === 44) return { caseUuids: [] };
      if (kode !== 20) throw new ActionError('index-refused', `fremsoeg answered StatusKode ${kode}: ${tekst}`);
      return { caseUuids: textsOf(answer, 'ObjektType').map((uuid) => uuid.toLowerCase()) };
    },
    async removeCase(caseUuid: string) {
      const answer = await call('fjern', `<sdi:FjernSagDokumentIndeksInput ${NS}><sdi:SagUuid><sd:UUIDIdentifikator>${escapeXml(options.uuid(caseUuid))}</sd:UUIDIdentifikator></sdi:SagUuid></sdi:FjernSagDokumentIndeksInput>`);
      const { kode, tekst } = statusKode(answer);
      if (kode !== 20) throw new ActionError('index-refused', `fjern answered StatusKode ${kode}: ${tekst}`);
      return { caseUuid };
    },
  };
}
