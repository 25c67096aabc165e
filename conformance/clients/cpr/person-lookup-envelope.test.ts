import { describe, expect, it } from 'vitest';
import { parseXml, textOf } from '../../wire/index.ts';
import { personLookupEnvelope } from './person-lookup-envelope.ts';

const invocation = {
  serviceAgreementUuid: '6a4e1b2c-0000-4000-8000-0000000000a1',
  userSystemUuid: '6a4e1b2c-0000-4000-8000-000000000001',
  userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
  serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
};
const field = (xml: string, name: string) => textOf(`//*[local-name()='${name}']`, parseXml(xml));

describe('personLookupEnvelope', () => {
  it('puts the InvocationContext inside PersonLookupRequest, before the PNR', () => {
    const xml = personLookupEnvelope({ pnr: '0103701111', invocation });
    expect(parseXml(xml).documentElement?.namespaceURI).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(
      textOf(
        "//*[local-name()='PersonLookupRequest']/*[local-name()='InvocationContext']/*[local-name()='ServiceUUID']",
        parseXml(xml),
      ),
    ).toBe(invocation.serviceUuid);
    expect(field(xml, 'PNR')).toBe('0103701111');
  });

  it('writes an AuthorityContext for a CVR, and no context without either', () => {
    expect(field(personLookupEnvelope({ pnr: '1', authorityCvr: '11111111' }), 'MunicipalityCVR')).toBe('11111111');
    expect(personLookupEnvelope({ pnr: '1' })).not.toMatch(/Context/);
  });

  it('escapes every value, so markup in a PNR or a UUID still gives well-formed XML that carries it', () => {
    const xml = personLookupEnvelope({ pnr: '<x', invocation: { ...invocation, userUuid: 'a&b"</inv:UserUUID>' } });
    expect(field(xml, 'PNR')).toBe('<x');
    expect(field(xml, 'UserUUID')).toBe('a&b"</inv:UserUUID>');
    expect(field(personLookupEnvelope({ pnr: '1', authorityCvr: '1<2' }), 'MunicipalityCVR')).toBe('1<2');
  });
});
