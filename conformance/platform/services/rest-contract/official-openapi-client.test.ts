import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL, official } from '../../../../catalog/index.ts';
import { startOioidwsWorld } from '../../testing/platform-test-client.ts';
import { platformModule as sts } from '../../sts/index.ts';
import { jsonSchemaProblems } from '../../testing/json-schema-check.ts';
import { createPlatformModule } from './index.ts';

type Json = Record<string, unknown>;
const doc = JSON.parse(readFileSync(official(OFFICIAL.klassifikationRest), 'utf8')) as Json;
const deref = (node: unknown): Json => {
  let n = node as Json;
  while (typeof n?.$ref === 'string')
    n = String(n.$ref)
      .slice(2)
      .split('/')
      .reduce<unknown>((x, k) => (x as Json)[k], doc) as Json;
  return n;
};

/** A minimal valid instance of a schema of the official document: required properties only, one item per array. */
function exampleOf(schema: unknown): unknown {
  const s = deref(schema);
  if (s.type === 'array') return [exampleOf(s.items)];
  if (s.type === 'object' || s.properties) {
    const out: Json = {};
    for (const name of (s.required as string[] | undefined) ?? []) out[name] = exampleOf((s.properties as Json)[name]);
    return out;
  }
  if (s.type === 'integer') return typeof s.minimum === 'number' ? s.minimum : 1;
  const pattern = String(s.pattern ?? '');
  if (pattern.includes('{8}-')) return randomUUID();
  if (pattern.includes('[0-9]{8}')) return '11111111';
  if (s.format === 'date') return '2026-01-02';
  if (s.format === 'date-time') return '2026-01-02T10:00:00Z';
  return 'Korsbæk'.slice(0, typeof s.maxLength === 'number' ? s.maxLength : 7);
}

describe('a client written from the official KlassifikationListeHentREST OpenAPI calls the platform (issue 12 item 5)', () => {
  let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
  beforeAll(async () => {
    world = await startOioidwsWorld((catalog) => [sts, createPlatformModule(catalog)], ['SF1510']);
  });
  afterAll(async () => world?.stop());

  it('gets a schema-valid answer (checked against the official schema, not the catalogue)', async () => {
    const [path, item] = Object.entries(doc.paths as Record<string, Json>)[0]!;
    const operation = item.post as Json;
    // The server URL's path; its host is a placeholder ({$service.location.exttest}).
    const base = new URL(String((doc.servers as Json[])[1]!.url).replace(/\{[^}]+\}/, 'host')).pathname;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const p of (item.parameters as unknown[]).map(deref)) {
      if (p.required !== true) continue;
      headers[String(p.name)] = p.name === 'x-TransaktionsId' ? randomUUID() : new Date().toISOString();
    }
    // The security scheme is bearerAuth (JWT): the STS's OAuth endpoint gives it.
    const entityId = 'http://entityid.kombit.dk/service/klassifikation/7';
    const tokenReply = await world.post(
      '/runtime/api/rest/oauth/v1/issue',
      new URLSearchParams({
        client_id: entityId,
        grant_type: 'client_credentials',
        scope: `entityid:${entityId},anvenderkontekst:11111111`,
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    headers.authorization = `Bearer ${(JSON.parse(tokenReply.body) as Json).access_token}`;
    const requestSchema = ((operation.requestBody as Json).content as Json)['application/json'] as Json;
    const res = await request(`${world.platform.url}${base}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(exampleOf(requestSchema.schema)),
      dispatcher: world.agent,
    });
    const answer = (await res.body.json()) as unknown;
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-transaktionsid']).toBe(headers['x-TransaktionsId']);
    const responseSchema = (((operation.responses as Json)['200'] as Json).content as Json)['application/json'] as Json;
    expect(jsonSchemaProblems(doc, responseSchema.schema, answer)).toEqual([]);
    // The answer holds Korsbæk's classification, and the check would see it missing.
    expect(JSON.stringify(answer)).toContain('Kontanthjælp');
    const { HovedoplysningerSvarREST: _dropped, ...broken } = answer as Json;
    expect(jsonSchemaProblems(doc, responseSchema.schema, broken)).toEqual([
      '$: lacks required HovedoplysningerSvarREST',
    ]);
  });
});
