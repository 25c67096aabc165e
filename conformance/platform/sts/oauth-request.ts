/** An OAuth client-credentials request to the STS, as the caller sent it. */
export interface OAuthRequest {
  clientId: string;
  grantType: string;
  entityId: string;
  cvr: string;
  onBehalfOf?: string;
}

export type OAuthParse = { ok: true; request: OAuthRequest } | { ok: false; error: string; description: string };

/**
 * Reads the body of `POST /runtime/api/rest/oauth/v1/issue`: JSON (`application/json`, as
 * ctthang/kombit-service-net's StsOAuthConsumer.cs sends it) or a form (`x-www-form-urlencoded`, as
 * kombit/org-graphql's README shows it); both carry `client_id`, `grant_type` and `scope` =
 * `entityid:<entity ID>,anvenderkontekst:<CVR>[,onbehalfof:<value>]`. An empty client_id or an empty
 * entityid or anvenderkontekst is `invalid_request` (StsOAuthConsumer.cs lines 118-138); the rest of
 * the refusals are RFC 6749 §5.2's, which the sources do not contradict.
 */
export function parseOAuthRequest(body: string, contentType: string | undefined): OAuthParse {
  let fields: Record<string, unknown>;
  if (/json/i.test(contentType ?? '')) {
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return invalid('The body is not JSON; send {"client_id", "grant_type", "scope"}');
    }
  } else fields = Object.fromEntries(new URLSearchParams(body));
  const text = (name: string) => (typeof fields?.[name] === 'string' ? (fields[name] as string).trim() : '');
  const clientId = text('client_id');
  const grantType = text('grant_type');
  if (grantType !== 'client_credentials')
    return grantType === ''
      ? invalid('grant_type is missing; it is client_credentials')
      : {
          ok: false,
          error: 'unsupported_grant_type',
          description: `grant_type ${grantType} is not client_credentials`,
        };
  if (clientId === '') return invalid('client_id is empty; it is the entity ID of the service to call');
  const scope = new Map<string, string>();
  for (const part of text('scope').split(',')) {
    const at = part.indexOf(':');
    if (at > 0) scope.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const entityId = scope.get('entityid') ?? '';
  const cvr = scope.get('anvenderkontekst') ?? '';
  if (entityId === '') return invalid('The scope has no entityid:<entity ID of the service>');
  if (cvr === '') return invalid("The scope has no anvenderkontekst:<the municipality's CVR>");
  if (!/^\d{8}$/.test(cvr)) return invalid(`anvenderkontekst ${cvr} is not a CVR number (8 digits)`);
  if (entityId !== clientId)
    return invalid(`client_id ${clientId} is not the scope's entityid ${entityId}; both name the service to call`);
  const onBehalfOf = scope.get('onbehalfof');
  return { ok: true, request: { clientId, grantType, entityId, cvr, ...(onBehalfOf && { onBehalfOf }) } };
}

function invalid(description: string): OAuthParse {
  return { ok: false, error: 'invalid_request', description };
}
