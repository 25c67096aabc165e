import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `../shared/contracts` beside the repository: KOMBIT's official contracts, read-only. */
export const officialContractsDir = resolve(
  fileURLToPath(new URL('../../../../', import.meta.url)),
  '../shared/contracts',
);

export const officialSchemas = {
  sf1500: join(
    officialContractsDir,
    'itk-dev__serviceplatformen/resources/sf1500/Tekniske specifikationer (v6.0 Services)/v6_0_0_0/xsd',
  ),
  sf1470: join(
    officialContractsDir,
    'kombit__kosdy_infrastructureSamples-java/src/main/resources/wsdl/SagDokumentIndeks/wsdl/xsd',
  ),
} as const;

/** True when the official contracts and xmllint are there (CI has both; tests skip otherwise). */
export function canValidateOfficially(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    return false;
  }
  return existsSync(officialContractsDir);
}

/**
 * Validates one XML element against official XSDs with xmllint: a wrapper schema imports each
 * namespace from its official file, so the element is checked exactly as KOMBIT defines it.
 * For tests; returns xmllint's messages, empty when valid.
 */
export function validateWithOfficialXsd(xml: string, imports: { namespace: string; file: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-xsd-'));
  try {
    const wrapper =
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:klarmeld:xsd-wrapper">` +
      imports
        .map((i) => `<xs:import namespace="${i.namespace}" schemaLocation="${pathToFileURL(i.file).href}"/>`)
        .join('') +
      `</xs:schema>`;
    writeFileSync(join(dir, 'wrapper.xsd'), wrapper);
    writeFileSync(join(dir, 'doc.xml'), xml);
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(dir, 'wrapper.xsd'), join(dir, 'doc.xml')], {
        stdio: 'pipe',
      });
      return [];
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
      return stderr
        .split('\n')
        .filter((line) => line && !line.endsWith('validates') && !line.includes('fails to validate'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
