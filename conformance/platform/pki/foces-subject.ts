/**
 * Subjects shaped like a FOCES funktionscertifikat (the Danish OCES system certificate KOMBIT
 * registers per it-system), e.g.
 *   CN=Fagsystem A (funktionscertifikat) + SERIALNUMBER=CVR:12345678-FID:12345678, O=Leverandør A/S // CVR:12345678, C=DK
 * The real format puts the supplier's CVR and a function id (FID) in SERIALNUMBER and marks the CN
 * with "(funktionscertifikat)"; clients and STS code that read CVR and FID out of the subject
 * (for example to build the token's NameID) then work unchanged against the test platform.
 * The platform itself maps a certificate to its it-system by fingerprint, never by subject.
 */
export function focesSubject(options: {
  systemName: string;
  supplierCvr: string;
  supplierName?: string;
  fid: string;
}): FocesName {
  return [
    {
      CN: [`${options.systemName} (funktionscertifikat)`],
      [serialNumberOid]: [`CVR:${options.supplierCvr}-FID:${options.fid}`],
    },
    { O: [`${options.supplierName ?? `Leverandør ${options.supplierCvr}`} // CVR:${options.supplierCvr}`] },
    { C: ['DK'] },
  ];
}

/** X.520 serialNumber, the attribute FOCES uses for "CVR:…-FID:…". */
const serialNumberOid = '2.5.4.5';

/** @peculiar/x509's JSON name: one object per RDN, so the CN + SERIALNUMBER pair stays one multi-valued RDN. */
export type FocesName = Record<string, string[]>[];

/**
 * An 8-digit function id derived from the system UUID, so it is stable for a system: the FIDs of
 * KOMBIT's tokens and FOCES certificates have 8 digits (`CVR:25959701-FID:75601718`,
 * `CVR:19435075-FID:64205450` in tokenservice_oioidws-net), and a client that parses them may
 * insist on that.
 */
export function fidOf(systemUuid: string): string {
  const digits = BigInt(`0x${systemUuid.replace(/-/g, '').slice(0, 15)}`)
    .toString()
    .padStart(8, '0');
  return digits.slice(-8);
}
