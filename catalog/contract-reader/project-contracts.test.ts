import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import soap from 'soap';
import { describe, expect, it } from 'vitest';
import { compileValidator, readContract } from './index.ts';
import { compareContracts, compareElements } from './compare-contracts.ts';
import { OFFICIAL, official } from './official-contracts.ts';

/** A project contract, by its path below catalog/contracts/ (kept free of tests: the site offers that folder for download). */
const project = (path: string) =>
  readContract(new URL(`../contracts/${path.replace(/^\.\//, '')}`, import.meta.url).pathname);

/** Each project contract and the official contract it must stay wire-compatible with. */
const PAIRS = [
  {
    id: 'SF1520 PersonBaseDataExtended v4',
    mine: './SF1520/4/PersonBaseDataExtendedService.wsdl',
    theirs: OFFICIAL.personBaseDataContext,
  },
  { id: 'SF1500 v6 Bruger', mine: './SF1500/6/Bruger.wsdl', theirs: OFFICIAL.sf1500Wsdl('Bruger') },
  {
    id: 'SF1500 v6 OrganisationEnhed',
    mine: './SF1500/6/OrganisationEnhed.wsdl',
    theirs: OFFICIAL.sf1500Wsdl('OrganisationEnhed'),
  },
  {
    id: 'SF1470 SagDokumentIndeks v6',
    mine: './SF1470/6/SagDokumentIndeksService.wsdl',
    theirs: OFFICIAL.sagDokumentIndeks6,
  },
  { id: 'SF1514 STS WS-Trust 1.3', mine: './SF1514/1/SecurityTokenService.wsdl', theirs: OFFICIAL.sts },
];

describe('project contracts agree with the official ones on the wire', () => {
  it.each(PAIRS)(
    '$id: operations, soapActions, SOAP versions, namespaces, message elements and fields',
    ({ mine, theirs }) => {
      const m = project(mine);
      const o = readContract(official(theirs));
      expect(m.services.length).toBeGreaterThan(0);
      expect(compareContracts(m, o)).toEqual([]);
    },
  );

  it('SF1500 covers laes, soeg and list of Bruger and OrganisationEnhed', () => {
    for (const object of ['Bruger', 'OrganisationEnhed']) {
      const ops = project(`./SF1500/6/${object}.wsdl`)
        .services[0]!.ports[0]!.operations.map((o) => o.name)
        .sort();
      expect(ops).toEqual(['laes', 'list', 'soeg']);
    }
  });

  it('SF1470 covers importer, opdater, fremsoeg and fjern', () => {
    const ops = project('./SF1470/6/SagDokumentIndeksService.wsdl')
      .services[0]!.ports[0]!.operations.map((o) => o.name)
      .sort();
    expect(ops).toEqual(['fjern', 'fremsoeg', 'importer', 'opdater']);
  });

  it('SF1461: ModtagBesked input and output and the whole Beskedkuvert agree with the official schemas', () => {
    const m = project('./SF1461/2/ModtagBesked.xsd');
    const o = readContract(official(OFFICIAL.beskedfordelerPush));
    for (const element of [
      '{urn:oio:sts:1.0.0}ModtagBeskedInput',
      '{urn:oio:sts:1.0.0}ModtagBeskedOutput',
      '{urn:oio:besked:kuvert:1.0}Haendelsesbesked',
    ]) {
      expect(compareElements(m, o, element)).toEqual([]);
    }
  });

  it('notices a difference: a renamed field, a changed soapAction, a different SOAP version', () => {
    const m = project('./SF1520/4/PersonBaseDataExtendedService.wsdl');
    const o = readContract(official(OFFICIAL.personBaseDataContext));
    const op = m.services[0]!.ports[0]!.operations[0]!;
    const broken = {
      ...m,
      services: [
        {
          ...m.services[0]!,
          ports: [
            {
              ...m.services[0]!.ports[0]!,
              soapVersion: '1.2' as const,
              operations: [{ ...op, soapAction: 'urn:wrong' }],
            },
          ],
        },
      ],
    };
    const differences = compareContracts(broken, o);
    expect(differences.some((d) => d.includes('SOAP 1.2, official SOAP 1.1'))).toBe(true);
    expect(differences.some((d) => d.includes('soapAction "urn:wrong"'))).toBe(true);
    const sf1500 = readContract(official(OFFICIAL.sf1500Wsdl('Bruger')));
    expect(compareElements(m, sf1500, '{http://stoettesystemerne.dk/organisation/bruger/6/}LaesInput')[0]).toContain(
      'project contract does not declare',
    );
  });

  it('notices field-level drift: a renamed field, a changed cardinality, a reordered field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarmeld-contracts-'));
    try {
      cpSync(new URL('../contracts/SF1520/4', import.meta.url).pathname, dir, { recursive: true });
      const xsd = join(dir, 'PersonBaseDataExtended.xsd');
      writeFileSync(
        xsd,
        readFileSync(xsd, 'utf8')
          .replace('name="koen"', 'name="kon"')
          .replace(
            '<xs:element name="antalBoernUnder18" type="xs:integer"/>',
            '<xs:element name="antalBoernUnder18" type="xs:integer" minOccurs="0"/>',
          ),
      );
      const differences = compareContracts(
        readContract(join(dir, 'PersonBaseDataExtendedService.wsdl')),
        readContract(official(OFFICIAL.personBaseDataContext)),
      );
      expect(differences).toContain(
        '/PersonLookupResponse/persondata/kon: not in the official contract (namespace http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/)',
      );
      expect(differences).toContain('/PersonLookupResponse/persondata/antalBoernUnder18: occurs 0..1, official 1..1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a node-soap client built from the project Bruger WSDL sends a SOAP 1.2 laes the contract accepts', async () => {
    let captured = { body: '', type: '' };
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        captured = { body, type: String(req.headers['content-type']) };
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const wsdl = new URL('../contracts/SF1500/6/Bruger.wsdl', import.meta.url).pathname;
      const client = await soap.createClientAsync(wsdl, {
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        forceSoap12Headers: true,
      });
      client.addSoapHeader(
        { RequestHeader: { TransactionUUID: 'a0000000-0000-4000-8000-000000000001' } },
        '',
        'rh',
        'http://kombit.dk/xml/schemas/RequestHeader/1/',
      );
      await client.laesAsync({ 'sd:UUIDIdentifikator': 'a0000000-0000-4000-8000-000000000003' }).catch(() => undefined);
    } finally {
      server.close();
    }
    expect(captured.type).toContain('application/soap+xml');
    expect(captured.type).toContain('action="http://kombit.dk/sts/organisation/bruger/laes"');
    expect(captured.body).toContain('http://www.w3.org/2003/05/soap-envelope');
    expect(compileValidator(project('./SF1500/6/Bruger.wsdl')).validate(captured.body)).toEqual([]);
  });
});
