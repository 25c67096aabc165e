import { jsonScalar, problemOf } from '../../../../catalog/index.ts';
import type { MessageField } from '../../../../catalog/index.ts';
import type { Finding } from '../../service-handler.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a JSON request body against the tree the catalogue derived from the OpenAPI schema: no
 * property the schema lacks, every required one, arrays where the schema has them (and an object
 * or a value where it does not), and each value against its type, pattern and length. The
 * platform's own reading, independent of the builder the clients use. Findings carry a `json.*`
 * code and the property's path, like the `tree.*` findings of the SOAP contract module.
 */
export function checkJson(value: unknown, fields: MessageField[], path = '', limit = 20): Finding[] {
  const findings: Finding[] = [];
  const add = (code: string, at: string, message: string) => {
    if (findings.length < limit) findings.push({ severity: 'error', code, message, path: at || '/' });
  };
  walk(value, fields, path, add);
  return findings;
}

type Add = (code: string, at: string, message: string) => void;

function walk(value: unknown, fields: MessageField[], path: string, add: Add): void {
  if (!isObject(value)) {
    add(
      'json.type',
      path,
      `${path || 'The body'} is ${JSON.stringify(value)?.slice(0, 40)}; the contract has an object here`,
    );
    return;
  }
  for (const key of Object.keys(value))
    if (!fields.some((f) => f.name === key))
      add('json.unexpected', `${path}/${key}`, `${key} is not in the contract here`);
  for (const f of fields) {
    const at = `${path}/${f.name}`;
    const v = value[f.name];
    if (v === undefined || v === null) {
      if ((f.minOccurs ?? 1) > 0) add('json.missing', at, `${f.name} is required`);
      continue;
    }
    const many = f.maxOccurs === 'unbounded' || (typeof f.maxOccurs === 'number' && f.maxOccurs > 1);
    if (many !== Array.isArray(v)) {
      add(
        'json.type',
        at,
        `${f.name} is ${Array.isArray(v) ? 'an array' : 'not an array'}; the contract has ${many ? 'an array' : 'one value'}`,
      );
      continue;
    }
    const items = many ? (v as unknown[]) : [v];
    if (many && items.length < (f.minOccurs ?? 1))
      add('json.missing', at, `${f.name} needs at least ${f.minOccurs ?? 1} item(s)`);
    items.forEach((item, i) => {
      const here = many ? `${at}[${i}]` : at;
      if (f.fields !== undefined) return walk(item, f.fields, here, add);
      if (isObject(item) || Array.isArray(item))
        return add('json.type', here, `${f.name} is an object; the contract has a ${f.base ?? f.type}`);
      const text = String(item);
      const expected = jsonScalar(f, text);
      if (typeof expected !== typeof item)
        return add(
          'json.type',
          here,
          `${f.name} is the ${typeof item} ${JSON.stringify(item)}; the contract has a ${typeof expected}`,
        );
      const problem = problemOf(f, text);
      if (problem) add('json.value', here, `${f.name}: ${problem}`);
    });
  }
}
