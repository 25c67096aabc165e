import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteRegistry } from '../registry/sqlite-registry.ts';
import { openDatabase } from '../store/open-database.ts';
import type { Caller } from '../service-handler.ts';
import { personLookupEnvelope } from '../../clients/index.ts';
import { checkContext } from './check-context.ts';

const serviceUuid = 'e6be2436-bf35-4df2-83fe-925142825dc2';
const service = { integration: 'SF1520', serviceUuid };
const user = '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d';

function requestOf(xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return doc.getElementsByTagNameNS(
    'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/',
    'PersonLookupRequest',
  )[0]!;
}

describe('checkContext (Serviceplatformen context security model)', () => {
  let registry: SqliteRegistry;
  let caller: Caller;
  let approved: string;
  let pending: string;
  let otherService: string;

  beforeAll(() => {
    registry = new SqliteRegistry(openDatabase(mkdtempSync(join(tmpdir(), 'ctx-'))));
    const system = registry.addSystem({ name: 'A', supplierCvr: '12345678' });
    caller = {
      systemUuid: system.uuid,
      systemName: 'A',
      subject: 'CN=A',
      fingerprint: 'f',
      certificate: undefined as unknown as X509Certificate,
    };
    const agreement = (cvr: string, status: 'approved' | 'pending', uuid = serviceUuid) =>
      registry.addAgreement({
        systemUuid: system.uuid,
        integration: 'SF1520',
        service: 'PersonBaseDataExtendedService',
        serviceUuid: uuid,
        municipalityCvr: cvr,
        status,
      }).uuid;
    approved = agreement('11111111', 'approved');
    pending = agreement('29189846', 'pending');
    otherService = agreement('11111111', 'approved', '00000000-0000-4000-8000-000000000000');
  });

  const invocation = (
    overrides: Partial<Record<'serviceAgreementUuid' | 'userSystemUuid' | 'userUuid' | 'serviceUuid', string>> = {},
  ) =>
    requestOf(
      personLookupEnvelope({
        pnr: '0103701111',
        invocation: {
          serviceAgreementUuid: approved,
          userSystemUuid: caller.systemUuid,
          userUuid: user,
          serviceUuid,
          ...overrides,
        },
      }),
    );
  const texts = (result: ReturnType<typeof checkContext>) => (result.ok ? [] : result.errors.map((e) => e.text));

  it('accepts an InvocationContext with an approved agreement of the calling system, for Korsbæk', () => {
    const result = checkContext(invocation(), caller, service, registry);
    expect(result).toMatchObject({ ok: true, model: 'InvocationContext', municipalityCvr: '11111111' });
  });

  it('refuses upper-case UUIDs and reports every missing field at once', () => {
    expect(texts(checkContext(invocation({ userUuid: user.toUpperCase() }), caller, service, registry))[0]).toContain(
      'UUIDs must be written in lower case',
    );
    const empty = requestOf(
      personLookupEnvelope({
        pnr: '1',
        invocation: { serviceAgreementUuid: '', userSystemUuid: '', userUuid: user, serviceUuid },
      }),
    );
    expect(texts(checkContext(empty, caller, service, registry))).toEqual([
      'InvocationContext is missing ServiceAgreementUUID.',
      'InvocationContext is missing UserSystemUUID.',
    ]);
  });

  it('refuses another UserSystemUUID, another ServiceUUID, a pending agreement and an agreement for another service', () => {
    expect(texts(checkContext(invocation({ userSystemUuid: user }), caller, service, registry))[0]).toContain(
      'is not the it-system of the client certificate',
    );
    expect(texts(checkContext(invocation({ serviceUuid: user }), caller, service, registry))[0]).toContain(
      'is not the service being called',
    );
    expect(texts(checkContext(invocation({ serviceAgreementUuid: pending }), caller, service, registry))).toEqual([
      `Service agreement ${pending} is not approved by the authority (status pending).`,
    ]);
    expect(
      texts(checkContext(invocation({ serviceAgreementUuid: otherService }), caller, service, registry))[0],
    ).toContain('does not cover the called service');
    expect(texts(checkContext(invocation({ serviceAgreementUuid: user }), caller, service, registry))[0]).toBe(
      `Service agreement ${user} does not exist.`,
    );
  });

  it('checks an AuthorityContext against the approved agreements for that municipality', () => {
    const authority = (cvr: string) => requestOf(personLookupEnvelope({ pnr: '0103701111', authorityCvr: cvr }));
    expect(checkContext(authority('11111111'), caller, service, registry)).toMatchObject({
      ok: true,
      model: 'AuthorityContext',
    });
    expect(texts(checkContext(authority('29189846'), caller, service, registry))[0]).toContain(
      'no approved service agreement',
    );
    expect(texts(checkContext(authority('1234'), caller, service, registry))[0]).toContain('is not 8 digits');
  });

  it('names both supported models when neither is given', () => {
    expect(
      texts(checkContext(requestOf(personLookupEnvelope({ pnr: '0103701111' })), caller, service, registry)),
    ).toEqual([
      'Security model for the called operation was not provided. The following are supported: InvocationContext, AuthorityContext',
    ]);
  });
});
