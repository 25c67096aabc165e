import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { buildIssueRequest } from '../../clients/index.ts';
import { parseXml, selectAll, selectOne, subjectName, textOf } from '../../wire/index.ts';
import { PlatformPkiStore } from '../pki/platform-pki.ts';
import { SqliteRegistry } from '../registry/sqlite-registry.ts';
import { openDatabase } from '../store/open-database.ts';
import { registryStsDirectory } from './registry-sts-directory.ts';
import { officialContractsDir } from '../services/organisation/official-xsd.ts';
import { privilegeList, type Privilege } from './build-assertion.ts';
import { issueSoap } from './issue-soap.ts';
import { servicePrivilege } from './service-privilege.ts';
import { createStsTestWorld, type StsTestWorld } from './sts-test-setup.ts';

// KOMBIT's own STS answer and issued token (kombit/tokenservice_oioidws-net), the reference for the format.
const examples = join(officialContractsDir, 'kombit__tokenservice_oioidws-net');
const kombitRstrPath = join(examples, 'Tests/Digst.OioIdws.OioWsTrustCore.Test/Data/Response.xml');
const kombitTokenPath = join(examples, 'Misc/Token examples/STS token - Signature scenario.xml');
const haveExamples = existsSync(kombitRstrPath) && existsSync(kombitTokenPath);
const read = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/^<\?xml[^>]*\?>/, '');

/** Every element path (namespace + name) with its attribute names, in document order, each once. */
function shape(xml: string): string[] {
  const seen = new Set<string>();
  const walk = (node: Element, path: string) => {
    const here = `${path}/{${node.namespaceURI ?? ''}}${node.localName}`;
    const attributes = Array.from(node.attributes)
      .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
      .map((a) => `{${a.namespaceURI ?? ''}}${a.localName}`)
      .sort();
    seen.add(`${here} [${attributes.join(' ')}]`);
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) walk(child as Element, here);
  };
  walk(new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element, '');
  return [...seen];
}

const privilegesOf = (assertionXml: string) =>
  Buffer.from(
    textOf(
      "//saml:Attribute[@Name='dk:gov:saml:attribute:Privileges_intermediate']/saml:AttributeValue",
      parseXml(assertionXml),
    ) ?? '',
    'base64',
  ).toString('utf8');

const now = new Date('2026-11-22T09:00:00Z');
let world: StsTestWorld;
let catalog: Awaited<ReturnType<typeof loadCatalog>>['catalog'];
let rstr: string;
let assertionXml: string;

beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
  world = await createStsTestWorld(catalog);
  const rst = buildIssueRequest({
    ...world.system,
    entityId: world.entityIds.organisation,
    cvr: '11111111',
    to: 'https://127.0.0.1/sts',
    now,
  });
  const reply = issueSoap(rst, world.system.certPem, { directory: world.directory, identity: world.identity, now });
  if (!reply.grant) throw new Error(reply.body);
  rstr = reply.body;
  assertionXml = reply.grant.assertionXml;
});

describe.skipIf(!haveExamples)("SF1514 tokens in KOMBIT's format (tokenservice_oioidws-net examples)", () => {
  it("answers with an RSTR of the shape of KOMBIT's Response.xml, element for element and attribute for attribute", () => {
    expect(shape(rstr)).toEqual(shape(read(kombitRstrPath)));
  });

  it("names the RSTR signature's key as KOMBIT's STS does: SecurityTokenReference/KeyIdentifier with the certificate's Subject Key Identifier", () => {
    const signature = selectOne('/soap12:Envelope/soap12:Header/wsse:Security/ds:Signature', parseXml(rstr))!;
    const keyIdentifier = selectOne('ds:KeyInfo/wsse:SecurityTokenReference/wsse:KeyIdentifier', signature);
    expect(keyIdentifier?.getAttribute('ValueType')).toBe(
      'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier',
    );
    const ski = new x509.X509Certificate(world.identity.certPem).getExtension(
      x509.SubjectKeyIdentifierExtension,
    )!.keyId;
    expect(keyIdentifier?.textContent).toBe(Buffer.from(ski, 'hex').toString('base64'));
    expect(selectAll('ds:KeyInfo/ds:X509Data', signature)).toEqual([]);
  });

  it("issues an assertion of the shape of KOMBIT's issued token (STS token - Signature scenario.xml)", () => {
    expect(shape(assertionXml)).toEqual(shape(read(kombitTokenPath)));
  });

  it("writes the privilege list byte for byte as KOMBIT's STS does, Constraint elements included", () => {
    const scoped: Privilege[] = [
      {
        uri: 'http://kombit.ssr.com/roles/servicesystemrole/role1/1',
        constraints: [
          { name: 'http://kombit.ssr.com/constraints/DRT1/1', value: 'value1' },
          { name: 'http://kombit.ssr.com/constraints/DTR2/1', value: 'value2' },
        ],
      },
      {
        uri: 'http://kombit.ssr.com/roles/servicesystemrole/role2/1',
        constraints: [
          { name: 'http://kombit.ssr.com/constraints/DRT1/1', value: 'value3' },
          { name: 'http://kombit.ssr.com/constraints/DTR2/1', value: 'value4' },
        ],
      },
    ];
    expect(privilegeList('11111111', scoped)).toBe(
      textOf(
        "//saml:Attribute[@Name='dk:gov:saml:attribute:Privileges_intermediate']/saml:AttributeValue",
        parseXml(read(kombitTokenPath)),
      ),
    );
    const unscoped: Privilege[] = [
      { uri: 'http://serviceplatformen.serviceplatformen.dk/roles/servicesystemrole/dummy/1' },
    ];
    expect(privilegeList('64942212', unscoped)).toBe(
      textOf(
        "//saml:Attribute[@Name='dk:gov:saml:attribute:Privileges_intermediate']/saml:AttributeValue",
        parseXml(read(kombitRstrPath)),
      ),
    );
  });

  it("carries the agreement's data restriction as a Constraint of its privilege in an issued token", () => {
    expect(privilegesOf(assertionXml)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:11111111"><Privilege>http://stoettesystemerne.dk/roles/servicesystemrole/sf1500/1</Privilege>' +
        '<Constraint Name="http://stoettesystemerne.dk/constraints/senavn/1">true</Constraint></PrivilegeGroup></bpp:PrivilegeList>',
    );
  });
});

describe('privilege URIs', () => {
  it("are in KOMBIT's shape on KOMBIT's domains, never a made-up one", () => {
    expect(servicePrivilege('http://stoettesystemerne.dk/service/organisation/3', 'SF1500').uri).toBe(
      'http://stoettesystemerne.dk/roles/servicesystemrole/sf1500/1',
    );
    expect(servicePrivilege('http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6', 'SF1470').uri).toBe(
      'http://entityid.kombit.dk/roles/servicesystemrole/sf1470/1',
    );
    // KOMBIT's external test token for http://cpr.serviceplatformen.dk/service/query/2 has a role on serviceplatformen.serviceplatformen.dk.
    expect(servicePrivilege('http://cpr.serviceplatformen.dk/service/query/2', 'SF1520').uri).toBe(
      'http://serviceplatformen.serviceplatformen.dk/roles/servicesystemrole/sf1520/1',
    );
    expect(servicePrivilege('http://stoettesystemerne.dk/service/organisation/3', 'SF1500')).not.toHaveProperty(
      'constraints',
    );
  });

  it("are what the platform's registry grants for an approved agreement", () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarmeld-privilege-'));
    const db = openDatabase(dir);
    try {
      const registry = new SqliteRegistry(db, () => now);
      const system = registry.addSystem({ name: 'Fagsystem', supplierCvr: '12345678' });
      registry.addAgreement({
        systemUuid: system.uuid,
        integration: 'SF1500',
        service: 'Bruger',
        entityId: world.entityIds.organisation,
        municipalityCvr: '11111111',
        status: 'approved',
      });
      const granted = registryStsDirectory(registry, catalog).agreementFor(
        system.uuid,
        { integration: 'SF1500', service: 'Bruger' },
        '11111111',
      );
      expect(granted).toMatchObject({
        ok: true,
        privileges: [{ uri: 'http://stoettesystemerne.dk/roles/servicesystemrole/sf1500/1' }],
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the NameID of a token for a system the platform registered', () => {
  // KOMBIT's examples: SERIALNUMBER=CVR:19435075-FID:64205450 + CN=WSC_Core (funktionscertifikat), O=KOMBIT A/S // CVR:19435075, C=DK
  const kombitNameId =
    /^SERIALNUMBER=CVR:\d{8}-FID:\d{8} \+ CN=[^,+]+ \(funktionscertifikat\), O=[^,+]+ \/\/ CVR:\d{8}, C=DK$/;

  it.skipIf(!haveExamples)(
    'matches the pattern KOMBIT example NameIDs match (the pattern is checked against them)',
    () => {
      for (const path of [kombitRstrPath, kombitTokenPath])
        expect(textOf('//saml:Subject/saml:NameID', parseXml(read(path)))).toMatch(kombitNameId);
    },
  );

  it("has an 8-digit FID, as KOMBIT's and FOCES certificates have", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarmeld-fid-'));
    try {
      const pki = await PlatformPkiStore.open(dir);
      const system = await pki.issueSystemCertificate({
        uuid: 'f7e6d5c4-b3a2-4190-8f7e-6d5c4b3a2190',
        name: 'Fagsystem A',
        supplierCvr: '12345678',
      });
      expect(subjectName(system.certPem)).toMatch(kombitNameId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
