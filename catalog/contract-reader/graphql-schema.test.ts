import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError, readContract } from './index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'klarmeld-graphql-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Written by the project in the shape of an Organisation read API's SDL (not KOMBIT's file).
const sdl = `"""Læseadgang til organisationen"""
type Query {
  # Én organisation ud fra CVR-nummer
  organisation(cvr: String!): Organisation
  bruger(uuid: ID!): Bruger
}

type Organisation { uuid: ID! navn: String }
type Bruger { uuid: ID! brugerNavn: String }
`;

function thrown(fn: () => unknown): ContractError {
  try {
    fn();
  } catch (error) {
    return error as ContractError;
  }
  throw new Error('expected an error');
}

describe('a GraphQL schema given as a contract', () => {
  it('is refused as GraphQL, with what to do, not as malformed XML to be replaced (.gql, SDL under another name, a folder of them)', () => {
    const gql = join(tmp, 'schemaOrganisation.gql');
    writeFileSync(gql, sdl);
    const unnamed = join(tmp, 'schema.txt');
    writeFileSync(unnamed, sdl);
    const folder = join(tmp, 'api');
    mkdirSync(folder);
    writeFileSync(join(folder, 'schema.graphql'), sdl);
    for (const input of [gql, unnamed, folder]) {
      const error = thrown(() => readContract(input));
      expect(error).toBeInstanceOf(ContractError);
      expect(error.code).toBe('contract.graphql');
      expect(error.message).toContain('is a GraphQL schema (SDL), not a WSDL/XSD bundle or an OpenAPI document');
      expect(error.message).toContain('record the GraphQL service by hand');
      expect(error.message).not.toMatch(/well-formed|replace it/);
    }
  });

  it('makes klarmeld catalog import-contract exit 1 with that message', () => {
    const gql = join(tmp, 'cli.gql');
    writeFileSync(gql, sdl);
    const r = spawnSync(
      process.execPath,
      [join(repo, 'bin/klarmeld.js'), 'catalog', 'import-contract', gql, '--integration', 'SF1500', '--version', '3.1'],
      { encoding: 'utf8', cwd: repo },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cli.gql is a GraphQL schema (SDL)');
    expect(r.stderr).toContain('[contract.graphql]');
  });
});
