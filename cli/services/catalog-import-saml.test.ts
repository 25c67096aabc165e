import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { officialContractsDir } from '../../catalog/index.ts';
import { tempDirs } from '../../catalog/test-fixtures/temp-dirs.ts';
import { importIntoCatalogue } from './catalog-import-contract-write.ts';
import { importSamlMetadata, isSamlMetadataFile } from './catalog-import-saml.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const metadata = join(
  officialContractsDir(),
  'ctthang__kombit-web-net/Kombit.Samples.CH.WebsiteDemo/metadata/metadata.xml',
);
const temp = tempDirs();

const bare = (id: string) =>
  `id: ${id}\ntitle: "Sikkerhed"\npublicInformation: kun-titel\nsources: [ "x" ]\nversions:\n  - lifecycle: I drift\n    services: []\n`;

async function catalogueWith(id: string) {
  const dir = await temp.make('klarmeld-import-saml-');
  mkdirSync(join(dir, 'integrations'));
  const file = join(dir, 'integrations', `${id}.yaml`);
  writeFileSync(file, bare(id));
  return { dir, file };
}

describe('import-contract on SAML identity provider metadata', () => {
  it('reads the single sign-on and single logout services, their bindings mapped onto platform paths', () => {
    expect(isSamlMetadataFile(metadata)).toBe(true);
    const [sso, slo] = importSamlMetadata(metadata);
    expect(sso!.name).toBe('SingleSignOn');
    expect(sso!.operations.map((o) => o.input?.element)).toEqual(['AuthnRequest']);
    expect(sso!.saml.endpoints.map((e) => e.local)).toEqual(['/runtime/saml2/issue.idp', '/runtime/saml2/issue.idp']);
    expect(sso!.saml.wantAuthnRequestsSigned).toBe(true);
    expect(slo!.saml.endpoints[0]).toMatchObject({
      local: '/runtime/saml2/issue.idp',
      localResponse: '/runtime/saml2/signoff.idp',
    });
    expect(slo!.operations.map((o) => o.output?.element)).toEqual(['LogoutResponse']);
    expect(importSamlMetadata(metadata, 'SingleLogout').map((s) => s.name)).toEqual(['SingleLogout']);
    expect(() => importSamlMetadata(metadata, 'Bruger')).toThrow(/SingleSignOn and SingleLogout/);
  });

  it('writes one service into the integration, and a second import of the same metadata changes nothing', async () => {
    const { dir, file } = await catalogueWith('SF1511');
    const services = importSamlMetadata(metadata, 'SingleSignOn');
    const first = importIntoCatalogue(dir, 'SF1511', 'unnumbered', services, true);
    expect(first.changes.map((c) => c.action)).toEqual(['added']);
    const written = parse(readFileSync(file, 'utf8'));
    const service = written.versions[0].services[0];
    expect(service).toMatchObject({ name: 'SingleSignOn', protocol: 'SAML 2.0', security: ['saml-signature'] });
    expect(service.saml.idpEntityId).toBe('https://saml.adgangsstyring.eksterntest-stoettesystemerne.dk/');
    expect(service.saml.attributes.map((a: { name: string }) => a.name)).toContain(
      'dk:gov:saml:attribute:Privileges_intermediate',
    );
    const again = importIntoCatalogue(dir, 'SF1511', 'unnumbered', services, true);
    expect(again.changes.map((c) => c.action)).toEqual(['unchanged']);
  });

  it("the shipped SF1511 and SF1515 are what import-contract writes from the Context Handler's metadata", async () => {
    for (const [id, service] of [
      ['SF1511', 'SingleSignOn'],
      ['SF1515', 'SingleLogout'],
    ] as const) {
      const dir = await temp.make('klarmeld-import-saml-');
      mkdirSync(join(dir, 'integrations'));
      const file = join(dir, 'integrations', `${id}.yaml`);
      const shipped = readFileSync(join(repo, 'catalog/data/integrations', `${id}.yaml`), 'utf8');
      writeFileSync(file, shipped);
      const { changes } = importIntoCatalogue(dir, id, 'unnumbered', importSamlMetadata(metadata, service), true);
      expect(changes.map((c) => `${c.service} ${c.action}`)).toEqual([`${service} unchanged`]);
      expect(readFileSync(file, 'utf8')).toBe(shipped);
    }
  });

  it('replaces a changed IdP description on a new import (klarmeld catalog import-contract --write)', async () => {
    const { dir, file } = await catalogueWith('SF1515');
    importIntoCatalogue(dir, 'SF1515', 'unnumbered', importSamlMetadata(metadata, 'SingleLogout'), true);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('wantAuthnRequestsSigned: true', 'wantAuthnRequestsSigned: false'),
    );
    const run = spawnSync(
      process.execPath,
      [
        'bin/klarmeld.js',
        'catalog',
        'import-contract',
        metadata,
        '--integration',
        'SF1515',
        '--version',
        'unnumbered',
        '--service',
        'SingleLogout',
        '--write',
        '--dir',
        dir,
        '--json',
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changes[0]).toMatchObject({ action: 'updated', filled: ['saml'] });
    expect(parse(readFileSync(file, 'utf8')).versions[0].services[0].saml.wantAuthnRequestsSigned).toBe(true);
  });
});
