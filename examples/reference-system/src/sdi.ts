import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Agent } from 'undici';
import { createClientAsync } from '../generated/sagdokumentindeksservice/index.ts';
import type { Virkning } from '../generated/sagdokumentindeksservice/definitions/Virkning.ts';
import type { Clock } from './clock.ts';
import { contractsDir } from './contracts.ts';
import { soapRequest } from './http.ts';
import { withOioidws } from './oioidws-call.ts';
import type { Faults } from './faults.ts';
import type { TokenSource } from './tokens.ts';
import { ActionError } from './trigger-server.ts';

const SDI_ENTITY = 'http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6';
const ORGANISATION = 'http://stoettesystemerne.dk/service/organisation/3';
/** The KLE class and the case worker our cases point at (Korsbæk's fixtures). */
const KLE_CLASS = '0a225571-bede-4a0f-b464-eb8b0e66bb43';
const CASE_WORKER = '273e2e2b-8778-44c9-8a65-9af669655990';

/** soap writes a Date object as an empty element; an xs:dateTime travels as its text. */
const dateTime = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z') as unknown as Date;

/** SF1470 Sags- og dokumentindeks: index our cases (importer), find them (fremsoeg), remove them (fjern). */
export async function createSdi(options: {
  agent: Agent;
  tokens: TokenSource;
  keyPem: string;
  url: string;
  clock: Clock;
  uuid: (value: string) => string;
  retry: <T>(call: () => Promise<T>) => Promise<T>;
  faults: Faults;
}) {
  const { faults } = options;
  const client = await createClientAsync(join(contractsDir, 'SF1470/6/SagDokumentIndeksService.wsdl'), {
    request: soapRequest(options.agent) as never,
    forceSoap12Headers: !faults.has('soap-1-1-to-stoettesystemer'),
    endpoint: options.url,
  });
  const signed = (operation: string) => ({
    soapAction: `http://kombit.dk/sts/sagdokumentindeks/${operation === 'importer' && faults.has('wrong-importer-action') ? 'import' : operation}`,
    endpoint: options.url,
    entityId: faults.has('wrong-token-audience') ? ORGANISATION : SDI_ENTITY,
    tokens: options.tokens,
    keyPem: options.keyPem,
  });
  const refused = (operation: string, retur: { StatusKode?: number | string; FejlbeskedTekst?: string } | undefined) =>
    new ActionError(
      'index-refused',
      `${operation} answered StatusKode ${retur?.StatusKode ?? 'none'}: ${retur?.FejlbeskedTekst ?? ''}`,
    );
  const relation = (uuid: string, virkning: Virkning) => ({
    Virkning: virkning,
    ReferenceID: { UUIDIdentifikator: options.uuid(uuid) },
  });
  // Our cases' UUIDs by our own case reference: a case is given its UUID once, when it is first
  // indexed, and keeps it, so indexing it again replaces the index entry instead of adding one.
  const caseUuids = new Map<string, string>();
  const caseUuidOf = (kase: { caseUuid?: string; caseReference?: string }) => {
    if (kase.caseUuid) return kase.caseUuid;
    if (!kase.caseReference) throw new ActionError('bad-params', 'Give caseUuid or caseReference');
    const uuid = (faults.has('new-uuid-on-reimport') ? undefined : caseUuids.get(kase.caseReference)) ?? randomUUID();
    caseUuids.set(kase.caseReference, uuid);
    return uuid;
  };

  return {
    async importCase(kase: { caseUuid?: string; caseReference?: string; title: string }) {
      const caseUuid = caseUuidOf(kase);
      const at = dateTime(options.clock.now());
      const virkning: Virkning = { FraTidspunkt: { TidsstempelDatoTid: at }, TilTidspunkt: { GraenseIndikator: true } };
      const [answer] = await options.retry(() =>
        withOioidws(client, signed('importer'), (c) =>
          c.importerAsync({
            SagIndeks: [
              {
                UUIDIdentifikator: options.uuid(caseUuid),
                Registrering: [
                  {
                    Tidspunkt: at,
                    LivscyklusKode: 'Importeret',
                    BrugerRef: { UUIDIdentifikator: options.uuid(CASE_WORKER) },
                    AttributListe: {
                      Egenskaber: [
                        {
                          Virkning: virkning,
                          BrugervendtNoegle: kase.caseReference ?? `REF-${caseUuid.slice(0, 8)}`,
                          Titel: kase.title,
                        },
                      ],
                    },
                    TilstandListe: { Fremdrift: [{ Virkning: virkning, FremdriftStatusKode: 'Opstaaet' }] },
                    RelationListe: {
                      Sagsaktoer: [relation(CASE_WORKER, virkning)],
                      Sagsklasse: [relation(KLE_CLASS, virkning)],
                    },
                  },
                ],
              },
            ],
          }),
        ),
      );
      const retur = answer.UnikRetur?.[0] ?? answer.StandardRetur?.[0];
      if (Number(retur?.StatusKode) !== 20) throw refused('importer', retur);
      return { caseUuid };
    },
    async search(query: { caseUuid?: string }) {
      if (!query.caseUuid) throw new ActionError('bad-params', 'Search by caseUuid');
      const [answer] = await options.retry(() =>
        withOioidws(client, signed('fremsoeg'), (c) => c.fremsoegAsync({ SagUuid: [options.uuid(query.caseUuid!)] })),
      );
      const kode = Number(answer.StandardRetur?.StatusKode);
      if (kode === 44 || faults.has('search-finds-nothing')) return { caseUuids: [] };
      if (kode !== 20) throw refused('fremsoeg', answer.StandardRetur);
      return {
        caseUuids: (answer.SagFiltreretOejebliksbillede ?? []).map((s) =>
          String(s.ObjektType?.UUIDIdentifikator ?? '').toLowerCase(),
        ),
      };
    },
    async removeCase(caseUuid: string) {
      if (faults.has('remove-without-fjern')) return { caseUuid };
      const [answer] = await options.retry(() =>
        withOioidws(client, signed('fjern'), (c) =>
          c.fjernAsync({ SagUuid: [{ UUIDIdentifikator: options.uuid(caseUuid) }] }),
        ),
      );
      const retur = answer.UnikRetur?.[0] ?? answer.StandardRetur?.[0];
      if (Number(retur?.StatusKode) !== 20) throw refused('fjern', retur);
      return { caseUuid };
    },
  };
}
