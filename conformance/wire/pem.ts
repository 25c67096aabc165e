import { X509Certificate } from 'node:crypto';

/** The base64 DER body of a PEM certificate (what a BinarySecurityToken or X509Certificate element carries). */
export function certificateBase64(pem: string): string {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!match) throw new TypeError('Expected a PEM certificate (-----BEGIN CERTIFICATE-----)');
  return match[1]!.replace(/\s+/g, '');
}

/** A PEM certificate from the base64 DER an XML element carries (whitespace allowed). */
export function certificatePem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** True when two certificates (PEM, base64 DER or DER bytes) are byte for byte the same certificate. */
export function sameCertificate(a: string | Buffer, b: string | Buffer): boolean {
  return derOf(a).equals(derOf(b));
}

function derOf(cert: string | Buffer): Buffer {
  if (Buffer.isBuffer(cert)) return cert;
  const base64 = cert.includes('BEGIN CERTIFICATE') ? certificateBase64(cert) : cert.replace(/\s+/g, '');
  return Buffer.from(base64, 'base64');
}

/**
 * The certificate subject written the way KOMBIT's STS writes a NameID: most specific RDN first,
 * comma separated, the parts of a multi-valued RDN joined with " + ", SERIALNUMBER first (e.g.
 * `SERIALNUMBER=CVR:25959701-FID:75601718 + CN=Test FOCES …, O=GLOBETEAM A/S // CVR:25959701, C=DK`).
 * The RDNs are ordered by kind (CN/SERIALNUMBER, OU, O, L, ST, C) rather than by their order in the
 * certificate, so a certificate that encodes them the other way round still reads the same.
 */
export function subjectName(pem: string): string {
  const cert = new X509Certificate(pem);
  // Node prints one RDN per line in certificate order, a multi-valued RDN as "A=1 + B=2".
  const rdns = cert.subject.split('\n').filter((line) => line.length > 0);
  const rank = (rdn: string) => {
    const type = /^([A-Za-z0-9.]+)=/.exec(rdn)?.[1]?.toUpperCase() ?? '';
    return ({ CN: 0, SERIALNUMBER: 0, OU: 1, O: 2, L: 3, ST: 4, C: 5 } as Record<string, number>)[type] ?? 2.5;
  };
  return rdns
    .map((rdn) =>
      rdn
        .split(/\s*\+\s*/)
        .map((part) => part.replace(/^serialNumber=/i, 'SERIALNUMBER='))
        .sort((a, b) => Number(!a.startsWith('SERIALNUMBER=')) - Number(!b.startsWith('SERIALNUMBER=')))
        .join(' + '),
    )
    .map((rdn, index) => ({ rdn, index, rank: rank(rdn) }))
    .sort((a, b) => a.rank - b.rank || b.index - a.index)
    .map((r) => r.rdn)
    .join(', ');
}
