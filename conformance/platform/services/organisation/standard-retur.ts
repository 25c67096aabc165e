import { escapeXml } from '../../../wire/index.ts';

/**
 * StandardRetur status codes of the OIO/LoRA services (SF1500, SF1470). They follow HTTP's
 * meaning, as KOMBIT's services use them: 20 OK, 40 bad input, 44 not found, 49 no access,
 * 50 the service failed.
 */
export const statusKode = { ok: 20, badInput: 40, notFound: 44, noAccess: 49, serverError: 50 } as const;

export type StatusKode = (typeof statusKode)[keyof typeof statusKode];

const sdNs = 'urn:oio:sagdok:3.0.0';

/** The `sd:StandardRetur` element; FejlbeskedTekst only when there is something to say. */
export function standardReturXml(kode: number, fejlbesked?: string, prefix = 'sd'): string {
  const tekst = fejlbesked ? `<${prefix}:FejlbeskedTekst>${escapeXml(fejlbesked)}</${prefix}:FejlbeskedTekst>` : '';
  return `<${prefix}:StandardRetur xmlns:${prefix}="${sdNs}"><${prefix}:StatusKode>${kode}</${prefix}:StatusKode>${tekst}</${prefix}:StandardRetur>`;
}
