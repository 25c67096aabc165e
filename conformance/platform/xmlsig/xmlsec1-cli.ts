import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** For tests: true when the xmlsec1 command (Debian package xmlsec1) is installed. */
export function haveXmlsec1(): boolean {
  return spawnSync('xmlsec1', ['--version']).status === 0;
}

/** `--id-attr` arguments declaring wsu:Id (xmlsec1 matches the attribute by local name) on these `namespace:Local` elements. */
export function wsuIdAttributes(...elements: string[]): string[] {
  return elements.flatMap((element) => ['--id-attr:Id', element]);
}

export const samlAssertionIdAttribute = ['--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'];

/**
 * For tests: `xmlsec1 --verify` of the signature at `signatureXpath` with the key of `certPem` only
 * (`--enabled-key-data key-value` keeps xmlsec1 from using a certificate the message carries).
 * xmlsec1 (libxmlsec1 on libxml2 and OpenSSL) shares no code with the platform or the clients,
 * which both canonicalise with xml-crypto.
 */
export function xmlsec1Verify(
  xml: string,
  certPem: string,
  signatureXpath: string,
  idAttributes: string[],
): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-xmlsec1-'));
  try {
    writeFileSync(join(dir, 'message.xml'), xml);
    writeFileSync(join(dir, 'signer.pem'), certPem);
    const args = [
      '--verify',
      '--enabled-key-data',
      'key-value',
      '--pubkey-cert-pem',
      join(dir, 'signer.pem'),
      '--node-xpath',
      signatureXpath,
      ...idAttributes,
      join(dir, 'message.xml'),
    ];
    const run = spawnSync('xmlsec1', args, { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
