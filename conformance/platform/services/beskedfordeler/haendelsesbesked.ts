import { escapeXml } from '../../../wire/index.ts';

export const kuvertNs = 'urn:oio:besked:kuvert:1.0';
export const stsNs = 'urn:oio:sts:1.0.0';
const sdNs = 'urn:oio:sagdok:3.0.0';

/**
 * Beskedtyper the platform knows by name. A Beskedtype is a UUID in KOMBIT's Klassifikation;
 * only the test type of KOMBIT's example message is public, so other types are given as UUIDs.
 */
export const knownBeskedtyper: Record<string, string> = {
  'Test/TestbeskedType1': '7654895c-a3f3-4c77-8afd-4c77330f963c',
};

/** The Beskedtype UUID of a name or UUID, or undefined when it is neither. */
export function beskedtypeUuid(type: string): string | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(type)) return type.toLowerCase();
  return knownBeskedtyper[type];
}

export interface HaendelsesbeskedInput {
  beskedId: string;
  beskedtype: string;
  /** The it-system responsible for the message (BeskedAnsvarligAktoer). */
  ansvarligAktoer: string;
  /** CVR of the authority allowed to receive it (TilladtModtager), e.g. 11111111. */
  tilladtModtagerCvr: string;
  now: Date;
  /** Optional Beskeddata content (any XML); a short test text when absent. */
  beskeddataXml?: string;
}

/**
 * A Haendelsesbesked (Beskedkuvert 1.0) shaped like KOMBIT's example message, wrapped in the
 * push operation's `sts:ModtagBeskedInput` as the Beskedfordeler delivers it to a callback.
 */
export function modtagBeskedInput(input: HaendelsesbeskedInput): string {
  const time = input.now.toISOString();
  const uuid = (tag: string, value: string) =>
    `<k:${tag}><sd:UUIDIdentifikator>${escapeXml(value)}</sd:UUIDIdentifikator></k:${tag}>`;
  const data =
    input.beskeddataXml ??
    `<test:Beskeddata xmlns:test="urn:kombit:test">Testbesked fra klarmeld's testplatform</test:Beskeddata>`;
  return (
    `<sts:ModtagBeskedInput xmlns:sts="${stsNs}" xmlns:k="${kuvertNs}" xmlns:sd="${sdNs}"><k:Haendelsesbesked>` +
    uuid('BeskedId', input.beskedId) +
    `<k:BeskedVersion>1.0</k:BeskedVersion><k:Beskedkuvert><k:Filtreringsdata>` +
    uuid('Beskedtype', input.beskedtype) +
    uuid('BeskedAnsvarligAktoer', input.ansvarligAktoer) +
    `<k:TilladtModtager><sd:URNIdentifikator>urn:oio:cvr-nr:${escapeXml(input.tilladtModtagerCvr)}</sd:URNIdentifikator></k:TilladtModtager>` +
    `</k:Filtreringsdata><k:Leveranceinformation><k:Dannelsestidspunkt><sd:TidsstempelDatoTid>${time}</sd:TidsstempelDatoTid></k:Dannelsestidspunkt></k:Leveranceinformation>` +
    `<k:GyldighedFra><sd:TidsstempelDatoTid>${time}</sd:TidsstempelDatoTid></k:GyldighedFra></k:Beskedkuvert>` +
    `<k:Beskeddata>${data}</k:Beskeddata></k:Haendelsesbesked></sts:ModtagBeskedInput>`
  );
}
