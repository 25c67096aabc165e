/** A REST token as the STS's OAuth endpoint or Serviceplatformen's AccessTokenService gives it. */
export interface RestToken {
  accessToken: string;
  tokenType: string;
  expiresInSeconds: number;
}

export interface TokenRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * The AccessTokenService's request (Randers' Examples.cs, demoservice-client-net's TokenFetcher.cs):
 * a form with `saml-token` = base64 of the UTF-8 XML of the STS's assertion for the REST service's
 * entity ID, and optionally the datarekvirent pair.
 */
export function accessTokenRequest(
  assertionXml: string,
  datarekvirent?: { type: 'CPR' | 'CVR' | 'PNummer' | 'OrgEnhed'; identifier: string },
): TokenRequest {
  const form = new URLSearchParams({ 'saml-token': Buffer.from(assertionXml, 'utf8').toString('base64') });
  if (datarekvirent) {
    form.set('datarekvirent-type', datarekvirent.type);
    form.set('datarekvirent-identifier', datarekvirent.identifier);
  }
  return { headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: form.toString() };
}

/**
 * The STS's OAuth client-credentials request (ctthang/kombit-service-net StsOAuthConsumer.cs): JSON
 * `client_id` = the service's entity ID, `grant_type` client_credentials, `scope`
 * `entityid:<entity ID>,anvenderkontekst:<CVR>`.
 */
export function oauthTokenRequest(entityId: string, cvr: string): TokenRequest {
  return {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: entityId,
      grant_type: 'client_credentials',
      scope: `entityid:${entityId},anvenderkontekst:${cvr}`,
    }),
  };
}

/** The token of a 200 answer, or the refusal `{ error, error_description }` as a sentence. */
export function parseTokenReply(
  status: number,
  text: string,
): { ok: true; token: RestToken } | { ok: false; reason: string } {
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: `HTTP ${status}, not JSON: ${text.slice(0, 120)}` };
  }
  if (status !== 200 || typeof json.access_token !== 'string')
    return {
      ok: false,
      reason: `HTTP ${status} ${String(json.error ?? '')}: ${String(json.error_description ?? text.slice(0, 160))}`,
    };
  return {
    ok: true,
    token: {
      accessToken: json.access_token,
      tokenType: String(json.token_type ?? 'Holder-of-key'),
      expiresInSeconds: Number(json.expires_in ?? 0),
    },
  };
}
