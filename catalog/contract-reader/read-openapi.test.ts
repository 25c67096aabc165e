import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError } from './contract-error.ts';
import { readOpenApi } from './read-openapi.ts';
import { OFFICIAL, official } from './official-contracts.ts';

describe('readOpenApi', () => {
  it('reads KlassifikationListeHentREST: POST, the x-Transaktions headers, JSON body and bearer JWT security', () => {
    const m = readOpenApi(official(OFFICIAL.klassifikationRest));
    expect(m.operations).toHaveLength(1);
    const [op] = m.operations;
    expect(op!.method).toBe('POST');
    expect(op!.path).toBe('/KlassifikationListeHentREST');
    const headers = op!.parameters.filter((p) => p.in === 'header').map((p) => p.name);
    expect(headers).toEqual(expect.arrayContaining(['x-TransaktionsId', 'x-TransaktionsTid', 'x-OnBehalfOfUser']));
    expect(op!.requestBody!.content[0]!.mediaType).toBe('application/json');
    expect(op!.requestBody!.content[0]!.schema).toMatchObject({ type: 'object' });
    expect(op!.responses.map((r) => r.status)).toEqual(['200', '500', 'default']);
    expect(op!.security).toEqual(['bearerAuth']);
    expect(m.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it("reads the project's SF1514 REST token contract", () => {
    const m = readOpenApi(new URL('../contracts/SF1514/1/sts-rest-issue.openapi.json', import.meta.url).pathname);
    expect(m.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['POST /runtime/api/rest/wstrust/v1/issue']);
  });

  const tmp = mkdtempSync(join(tmpdir(), 'klarmeld-openapi-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads YAML, and says which reference is dangling', () => {
    const file = join(tmp, 'api.yaml');
    writeFileSync(
      file,
      'openapi: 3.0.0\ninfo: { title: t, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200": { $ref: "#/components/responses/Nope" }\n',
    );
    expect(() => readOpenApi(file)).toThrow(ContractError);
    expect(() => readOpenApi(file)).toThrow('#/components/responses/Nope');
  });

  it('refuses a document that is not OpenAPI 3', () => {
    const file = join(tmp, 'swagger.json');
    writeFileSync(file, '{"swagger": "2.0"}');
    expect(() => readOpenApi(file)).toThrow('not an OpenAPI 3 document');
  });
});
