import { describe, expect, it } from 'vitest';
import { loadCatalog, restContractServices } from '../../../catalog/index.ts';
import { accessTokenRequest, oauthTokenRequest, parseTokenReply } from './rest-tokens.ts';
import { readRestAnswer, restRequest } from './rest-request.ts';

const services = restContractServices((await loadCatalog()).catalog);
const op = (service: string) => services.find((s) => s.service === service)!.operations[0]!;

describe("the supplier's REST calls", () => {
  it('puts the path value in the path, Holder-of-key and the x-Transaktions headers on the call', () => {
    const call = restRequest(
      'https://sp.test/service/AccessTokenDemo_1',
      op('AccessTokenDemo'),
      'tok',
      { message: 'Hej Korsbæk' },
      new Date('2026-12-02T10:00:00.123Z'),
    );
    expect(call.method).toBe('GET');
    expect(call.url).toBe('https://sp.test/service/AccessTokenDemo_1/callDemoService/Hej%20Korsb%C3%A6k');
    expect(call.headers).toMatchObject({
      authorization: 'Holder-of-key tok',
      'x-transaktionstid': '2026-12-02T10:00:00Z',
    });
    expect(call.headers['x-transaktionsid']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(call.body).toBeUndefined();
  });

  it('builds a JSON body from the tree, with a value given by its path', () => {
    const id = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    const call = restRequest('https://x/service/KlassifikationListeHentREST', op('KlassifikationListeHentREST'), 't', {
      'KlassifikationListe/KlassifikationStruktur/KlassifikationIdentifikation': id,
    });
    const body = JSON.parse(call.body!) as {
      KlassifikationListe: { KlassifikationStruktur: Record<string, unknown> }[];
    };
    expect(body.KlassifikationListe[0]!.KlassifikationStruktur.KlassifikationIdentifikation).toBe(id);
    expect(call.headers['content-type']).toBe('application/json');
  });

  it('reads a SvarReaktion/Fejl as a refusal, whatever the status, and data as data', () => {
    const fejl = {
      HovedoplysningerSvarREST: [{ SvarReaktion: { Fejl: { FejlId: '401', FejlTekst: 'Security Token Invalid' } } }],
    };
    expect(readRestAnswer(401, JSON.stringify(fejl))).toEqual({
      ok: false,
      code: '401',
      text: 'Security Token Invalid',
    });
    expect(readRestAnswer(200, '{"a":1}')).toEqual({ ok: true, values: { a: 1 } });
    expect(readRestAnswer(502, 'Bad gateway')).toMatchObject({ ok: false, code: 'HTTP 502' });
  });

  it("asks for tokens the way KOMBIT's samples do", () => {
    const form = new URLSearchParams(
      accessTokenRequest('<Assertion/>', { type: 'CPR', identifier: '0101011234' }).body,
    );
    expect(Buffer.from(form.get('saml-token')!, 'base64').toString('utf8')).toBe('<Assertion/>');
    expect(form.get('datarekvirent-type')).toBe('CPR');
    expect(JSON.parse(oauthTokenRequest('urn:e', '11111111').body)).toEqual({
      client_id: 'urn:e',
      grant_type: 'client_credentials',
      scope: 'entityid:urn:e,anvenderkontekst:11111111',
    });
    expect(parseTokenReply(200, '{"access_token":"t","token_type":"Holder-of-key","expires_in":3600}')).toEqual({
      ok: true,
      token: { accessToken: 't', tokenType: 'Holder-of-key', expiresInSeconds: 3600 },
    });
    expect(parseTokenReply(400, '{"error":"invalid_request","error_description":"no"}')).toEqual({
      ok: false,
      reason: 'HTTP 400 invalid_request: no',
    });
  });
});
