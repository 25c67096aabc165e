import { buildJson, problemOf } from '../../../../catalog/index.ts';
import type { RestContractOperation, RestContractService } from '../../../../catalog/index.ts';
import type { Finding, HttpRoute, RouteReply, RouteRequest } from '../../service-handler.ts';
import { accessTokenStore } from '../../sts/access-token-store.ts';
import { stsIdentity } from '../../sts/sts-identity.ts';
import { verifyRestToken } from '../../sts/verify-rest-token.ts';
import { checkJson } from './check-json.ts';
import { operationPath } from './match-path.ts';
import { fejlBody } from './rest-answer.ts';
import { restRequestValues } from './rest-values.ts';

/** The parameters' findings: a required header (or path or query value) missing, or a value its schema refuses. */
function parameterFindings(
  op: RestContractOperation,
  request: RouteRequest,
  params: Record<string, string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of op.parameters) {
    const raw =
      p.in === 'header'
        ? request.headers[p.name.toLowerCase()]
        : p.in === 'path'
          ? params[p.name]
          : request.query.get(p.name);
    const value = Array.isArray(raw) ? raw[0] : (raw ?? undefined);
    if (value === undefined || value === '') {
      if (p.required)
        findings.push({
          severity: 'error',
          code: `rest.${p.in}-missing`,
          message: `${p.name} is required (${p.in})`,
          path: p.name,
        });
      continue;
    }
    const problem = problemOf(
      {
        name: p.name,
        type: p.type,
        ...(p.base && { base: p.base }),
        ...(p.pattern && { pattern: p.pattern }),
        ...(p.maxLength !== undefined && { maxLength: p.maxLength }),
      },
      value,
    );
    if (problem)
      findings.push({ severity: 'error', code: `rest.${p.in}-value`, message: `${p.name}: ${problem}`, path: p.name });
  }
  return findings;
}

/**
 * One imported REST operation, served at its real path (the OpenAPI server's path and the
 * operation's): the token checked for the service's model (access token or STS JWT, for its
 * entity ID, bound to this connection's certificate: 401 "Security Token Invalid" otherwise); the
 * headers and parameters the contract requires (400 BadRequest when one is missing or malformed, as
 * org-graphql's README gives it); the JSON body checked against the derived tree (findings
 * recorded, the answer unchanged, as for SOAP); a fault on demand answered 500 with SvarReaktion/Fejl
 * (the contract's answer for "Kald til kilde fejlede"); else 200 with the answer tree filled from
 * the Korsbæk samples, echoing x-TransaktionsId and x-TransaktionsTid.
 */
export function restRoute(service: RestContractService, op: RestContractOperation): HttpRoute {
  const paths = operationPath(service.path, op.path);
  const accepts = service.security.model === 'jwt' ? (['jwt'] as const) : (['access-token'] as const);
  return {
    method: op.method === 'GET' ? 'GET' : op.method === 'PUT' ? 'PUT' : op.method === 'DELETE' ? 'DELETE' : 'POST',
    path: paths.route,
    async handle(request, platform): Promise<RouteReply> {
      const params = paths.match(request.path);
      const echoHeaders: Record<string, string> = {};
      for (const h of ['x-transaktionsid', 'x-transaktionstid']) {
        const v = request.headers[h];
        if (typeof v === 'string') echoHeaders[h] = v;
      }
      const reply = (
        status: number,
        body: unknown,
        findings: Finding[],
        fault?: { code: string; text: string },
      ): RouteReply => ({
        status,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(body),
        headers: echoHeaders,
        record: {
          integration: service.integration,
          service: service.service,
          operation: op.name,
          findings,
          ...(fault && { fault }),
        },
      });
      if (!params)
        return reply(404, fejlBody(op, '404', `No operation at ${request.path}; ${op.name} is at ${paths.full}`), [], {
          code: 'NotFound',
          text: request.path,
        });
      const findings = parameterFindings(op, request, params);
      let body: unknown;
      if (op.input) {
        try {
          body = JSON.parse(request.body);
        } catch {
          findings.push({ severity: 'error', code: 'json.malformed', message: 'The body is not JSON' });
        }
        if (body !== undefined) findings.push(...checkJson(body, op.input.fields));
      }
      const token = verifyRestToken(
        request.headers.authorization,
        request.caller,
        { entityId: service.security.entityId, accepts },
        {
          store: accessTokenStore(platform.database),
          identity: await stsIdentity(platform),
          now: platform.clock(),
        },
      );
      if (!token.ok) {
        const all = [...findings, { severity: 'error' as const, code: token.code, message: token.reason }];
        return reply(401, fejlBody(op, '401', `Security Token Invalid: ${token.reason}`), all, {
          code: token.code,
          text: `Security Token Invalid: ${token.reason}`,
        });
      }
      const bad = findings.filter((f) => f.code.startsWith('rest.header') || f.code === 'json.malformed');
      if (bad.length > 0)
        return reply(400, fejlBody(op, '400', `BadRequest: ${bad.map((f) => f.message).join('; ')}`), findings, {
          code: 'BadRequest',
          text: bad.map((f) => f.message).join('; '),
        });
      const values = restRequestValues(op, params, request.query, body);
      if (values.faultTrigger)
        return reply(
          500,
          fejlBody(
            op,
            'TestFaultRequested',
            `klarmeld's fault on demand: ${values.faultTrigger} holds its fault value`,
          ),
          findings,
          { code: 'TestFaultRequested', text: values.faultTrigger },
        );
      const answer = buildJson(op.output.fields, { samples: op.samples, echo: values.byName });
      const answerFindings = checkJson(answer, op.output.fields).map((f) => ({ ...f, code: `response.${f.code}` }));
      return reply(200, answer, [...findings, ...answerFindings]);
    },
  };
}

export const restRoutes = (service: RestContractService): HttpRoute[] =>
  service.operations.map((op) => restRoute(service, op));
