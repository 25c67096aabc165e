import { describe, expect, it } from 'vitest';
import { bodyLiteral, tsLiteral, type JsonSchema } from './schema-literal.ts';

const known = (field: string) => (field === 'Cvr' ? { literal: "'11111111'", note: 'Korsbæk Kommune' } : undefined);

describe('a request body from its JSON schema', () => {
  it('fills required fields from test data, then the contract’s example, enum or default, and leaves optional ones out', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['Cvr', 'Kind', 'Level', 'Size', 'Tags', 'Owner'],
      properties: {
        Cvr: { type: 'string', example: '99999999' },
        Kind: { type: 'string', enum: ['A', 'B'] },
        Level: { type: 'integer', default: 3 },
        Size: { type: 'string', example: "it's big" },
        Tags: { type: 'array', items: { type: 'string', example: 'x' } },
        Owner: {
          type: 'object',
          required: ['Cvr'],
          properties: { Cvr: { type: 'string' }, Note: { type: 'string', example: 'left out' } },
        },
        Comment: { type: 'string', example: 'optional' },
      },
    };
    const { lines, missing } = bodyLiteral(schema, known, '  ');
    expect(missing).toEqual([]);
    expect(lines).toEqual([
      "  Cvr: '11111111', // Korsbæk Kommune",
      "  Kind: 'A', // one of 'A', 'B'",
      "  Level: 3, // the contract's default",
      "  Size: 'it\\'s big', // the contract's example",
      "  Tags: ['x'], // the contract's example",
      "  Owner: {\n    Cvr: '11111111', // Korsbæk Kommune\n  },",
    ]);
  });

  it('names a required field nothing can fill, with its path and description, as the caller’s to supply', () => {
    const schema: JsonSchema = {
      required: ['Token', 'Address'],
      properties: {
        Token: { type: 'string', description: 'The SAML assertion' },
        Address: { type: 'object', required: ['Street'], properties: { Street: { type: 'string' } } },
      },
    };
    expect(bodyLiteral(schema, known)).toEqual({
      lines: [],
      missing: [
        { name: 'Token', path: 'Token', description: 'The SAML assertion' },
        { name: 'Address', path: 'Address.Street' },
      ],
    });
  });

  it('writes JSON values as TypeScript literals', () => {
    expect(tsLiteral({ a: 1, 'b-c': [true, null, 'x'] })).toBe("{ a: 1, 'b-c': [true, null, 'x'] }");
  });
});
