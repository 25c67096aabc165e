import { z } from 'zod';

/**
 * One field of a message as the catalogue records it from the official contract: enough to read
 * what to send and what comes back without the contract files (`catalog import-contract` writes
 * it, the site renders it). The tree is bounded: below the levels the import expands, a complex
 * field keeps its type name and no `fields`.
 */
export interface MessageField {
  name: string;
  namespace?: string;
  type: string;
  minOccurs?: number;
  maxOccurs?: number | 'unbounded';
  choice?: number;
  enumeration?: string[];
  /** The built-in type a named simple type restricts (`UUIDtype` → string), so a value can be checked and made without the contract. */
  base?: string;
  pattern?: string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  fields?: MessageField[];
}

export const messageField: z.ZodType<MessageField> = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Element name on the wire; * for a wildcard (xs:any)' }),
    namespace: z
      .string()
      .optional()
      .meta({ description: "The element's namespace, when it differs from its parent's" }),
    type: z.string().min(1).meta({
      description: 'Declared type name (UUIDtype, string …), or the built-in type of an anonymous simple type',
    }),
    minOccurs: z.number().int().min(0).optional().meta({ description: 'minOccurs; left out when 1' }),
    maxOccurs: z
      .union([z.number().int().min(1), z.literal('unbounded')])
      .optional()
      .meta({ description: 'maxOccurs; left out when 1' }),
    choice: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Fields with the same choice number exclude each other' }),
    enumeration: z.array(z.string()).optional().meta({ description: 'The values the type allows, when it lists them' }),
    base: z.string().optional().meta({
      description:
        'The built-in XSD type a named simple type restricts (string, date, int …); left out when type already is one',
    }),
    pattern: z.array(z.string()).optional().meta({ description: 'The XSD patterns a value must match (any of them)' }),
    length: z.number().int().min(0).optional().meta({ description: 'Exact length of the value' }),
    minLength: z.number().int().min(0).optional().meta({ description: 'Least length of the value' }),
    maxLength: z.number().int().min(0).optional().meta({ description: 'Greatest length of the value' }),
    get fields() {
      return z
        .array(messageField)
        .optional()
        .meta({ description: 'The fields of a complex type, down to the depth the import expanded' });
    },
  })
  .meta({
    id: 'MessageField',
    description: 'A field of a message: name, type, cardinality and, for a complex type, its fields',
  });

/** The request or response element of an operation, and its fields. */
export const message = z.strictObject({
  element: z.string().min(1).meta({ description: 'Local name of the SOAP Body element, e.g. LaesInput' }),
  namespace: z.string().meta({ description: "The element's namespace" }),
  fields: z.array(messageField).default([]),
});

export type Message = z.infer<typeof message>;
