import { isSimple, valueFor } from '../../../catalog/index.ts';
import type { Message, MessageField } from '../../../catalog/index.ts';
import { escapeXml } from '../../wire/index.ts';

/** A value for the request, by a field's local name or a path of local names ending in it (`InvocationContext/ServiceUUID`). */
export interface RequestValue {
  field: string;
  values: string[];
}

const endsWith = (path: string[], field: string) => {
  const parts = field.split('/');
  return parts.length <= path.length && parts.every((p, i) => path[path.length - parts.length + i] === p);
};

const reached = (field: MessageField, path: string[], values: RequestValue[]): boolean =>
  values.some((v) => endsWith([...path, field.name], v.field)) ||
  (field.fields ?? []).some((f) => reached(f, [...path, field.name], values));

/**
 * A request element from the tree the catalogue derived from the contract, as a supplier's client
 * writes it: every required field, an optional one only when a given value names it or a field
 * below it, one branch of each choice (the one a value reaches, else the first). A simple field
 * without a given value gets an ordinary value made from its type (catalog/message-values.ts).
 * Namespaces are default-namespace declarations where a field's differs from its parent's.
 */
export function buildRequestElement(message: Message, values: RequestValue[]): string {
  return `<${message.element} xmlns="${escapeXml(message.namespace)}">${fieldsXml(message.fields, message.namespace, [message.element], values)}</${message.element}>`;
}

function fieldsXml(fields: MessageField[], ns: string, path: string[], values: RequestValue[]): string {
  const branch = new Map<number, MessageField>();
  for (const f of fields) {
    if (f.choice === undefined || f.name === '*') continue;
    if (!branch.has(f.choice) || (reached(f, path, values) && !reached(branch.get(f.choice)!, path, values)))
      branch.set(f.choice, f);
  }
  let out = '';
  for (const f of fields) {
    if (f.name === '*' || (f.choice !== undefined && branch.get(f.choice) !== f)) continue;
    const here = [...path, f.name];
    const required = (f.minOccurs ?? 1) > 0 || f.choice !== undefined;
    if (!required && !reached(f, path, values)) continue;
    const fns = f.namespace ?? ns;
    const open = fns === ns ? `<${f.name}>` : `<${f.name} xmlns="${escapeXml(fns)}">`;
    if (f.fields !== undefined) {
      out += `${open}${fieldsXml(f.fields, fns, here, values)}</${f.name}>`.repeat(Math.max(f.minOccurs ?? 1, 1));
      continue;
    }
    const given = values.find((v) => endsWith(here, v.field))?.values;
    const list = given ?? [isSimple(f) ? (valueFor(f, 'sample', here.join('/')) ?? '') : ''];
    while (list.length < (f.minOccurs ?? 1)) list.push(list[0]!);
    for (const v of list) out += `${open}${escapeXml(v)}</${f.name}>`;
  }
  return out;
}
