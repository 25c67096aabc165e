import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../catalog/index.ts';
import { readOpenApi } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { findService } from '../../../catalog/index.ts';
import { buildRestIssueRequest } from '../../clients/index.ts';
import { parseRestIssueResponse } from '../../clients/index.ts';
import { issueRest } from './issue-rest.ts';
import { createStsTestWorld, type StsTestWorld } from './sts-test-setup.ts';

const now = new Date('2026-11-22T09:00:00Z');
let catalog: Catalog;
let world: StsTestWorld;
/** The HTTP statuses the project's contract documents for the issue operation. */
let documented: string[];

beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
  world = await createStsTestWorld(catalog);
  const service = findService(catalog, 'SF1514', 'WsTrustRest')!.service;
  const contract = readOpenApi(
    fileURLToPath(new URL(`../../../catalog/contracts/${service.contract[0]}`, import.meta.url)),
  );
  const operation = contract.operations.find((o) => o.method === 'POST' && o.path === service.endpoints.local)!;
  documented = operation.responses.map((r) => r.status);
});

const deps = () => ({ directory: world.directory, identity: world.identity, now });
const valid = (overrides: Record<string, unknown> = {}) => ({
  ...buildRestIssueRequest({ certPem: world.system.certPem, entityId: world.entityIds.organisation, cvr: '11111111' }),
  ...overrides,
});

describe('SF1514 REST WS-Trust', () => {
  it('answers the JSON request with the assertion base64 at RequestedSecurityToken.Assertion', () => {
    const reply = issueRest(valid(), world.system.certPem, deps());
    expect(reply.status).toBe(200);
    expect(documented).toContain('200');
    const token = parseRestIssueResponse(reply.json);
    expect(token.audience).toBe(world.entityIds.organisation);
    expect((reply.json as { Lifetime: string }).Lifetime).toBe('11/22/2026 17:00:00');
  });

  // Every refusal issueRest can give, with the status the contract documents for it.
  it.each([
    ['a body that is not a JSON object', () => issueRest(null, world.system.certPem, deps()), 400, 'sts.no-cvr-claim'],
    [
      'no AnvenderKontekst.Cvr',
      () => issueRest(valid({ AnvenderKontekst: {} }), world.system.certPem, deps()),
      400,
      'sts.no-cvr-claim',
    ],
    [
      'no AppliesTo',
      () => issueRest(valid({ AppliesTo: undefined }), world.system.certPem, deps()),
      400,
      'sts.no-applies-to',
    ],
    [
      'another RequestType',
      () => issueRest(valid({ RequestType: 'urn:renew' }), world.system.certPem, deps()),
      400,
      'sts.request-type',
    ],
    [
      'another TokenType',
      () => issueRest(valid({ TokenType: 'urn:jwt' }), world.system.certPem, deps()),
      400,
      'sts.token-type',
    ],
    [
      'a UseKey that is no certificate',
      () => issueRest(valid({ UseKey: 'not a certificate' }), world.system.certPem, deps()),
      400,
      'sts.use-key',
    ],
    [
      'an entityID no service has',
      () =>
        issueRest(
          valid({ AppliesTo: { EndpointReference: { Address: 'http://example.org/unknown' } } }),
          world.system.certPem,
          deps(),
        ),
      400,
      'sts.unknown-entity',
    ],
    [
      'a municipality without an agreement',
      () => issueRest(valid({ AnvenderKontekst: { Cvr: '29189846' } }), world.system.certPem, deps()),
      400,
      'sts.no-agreement',
    ],
    ['no client certificate', () => issueRest(valid(), undefined, deps()), 401, 'sts.no-client-certificate'],
    [
      'a UseKey that is not the TLS certificate',
      () =>
        issueRest(
          buildRestIssueRequest({
            certPem: world.other.certPem,
            entityId: world.entityIds.organisation,
            cvr: '11111111',
          }),
          world.system.certPem,
          deps(),
        ),
      401,
      'sts.certificate-mismatch',
    ],
    [
      'the certificate of no registered it-system',
      () =>
        issueRest(
          buildRestIssueRequest({
            certPem: world.other.certPem,
            entityId: world.entityIds.organisation,
            cvr: '11111111',
          }),
          world.other.certPem,
          deps(),
        ),
      401,
      'sts.unknown-system',
    ],
  ])('refuses %s with a status the contract documents', (_name, call, status, code) => {
    const reply = call();
    expect(documented).toContain(String(reply.status));
    expect(reply.status).toBe(status);
    expect(reply.code).toBe(code);
    expect(reply.json).toEqual({ code, message: expect.stringMatching(/^\S.{9,}/) });
  });
});
