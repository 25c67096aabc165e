import { isSimple, problemOf, valueFor } from '../../../../catalog/index.ts';
import type { KorsbaekSample } from '../../../../catalog/index.ts';
import type { Message, MessageField } from '../../../../catalog/index.ts';
import { escapeXml } from '../../../wire/index.ts';
import type { ValueNode } from './value-node.ts';

export interface AnswerData {
  /** Korsbæk samples (declared, or a fault's), first match wins. */
  samples: KorsbaekSample[];
  /** The request's simple values by local name: a response field of the same name answers with them (the PNR asked for). */
  echo: Map<string, string[]>;
  /** Names a choice prefers when no sample picks a branch (StandardRetur over UnikRetur). */
  prefer?: string[];
  /**
   * Kept objects to write for a complex field (a read's …FiltreretOejebliksbillede): one element per
   * node, filled from it by local name; an empty list writes none. Undefined: the field is built as usual.
   */
  objects?: (field: MessageField) => ValueNode[] | undefined;
}

/** Every StandardRetur answers 20 (OK) unless a sample says otherwise. */
const defaults: KorsbaekSample[] = [{ field: 'StandardRetur/StatusKode', values: ['20'] }];

/**
 * An element of the response tree the catalogue derived from the contract, filled with data:
 * required fields always (a sample, the request's value of the same name, or one made from the
 * field's type); an optional field only when a sample names it or a field below it, so the
 * integration's Korsbæk data shapes the answer. Of a choice one branch is written: the one a sample
 * reaches, else a preferred name, else the first. Namespaces are written as default-namespace
 * declarations where a field's differs from its parent's.
 */
export function buildMessage(message: Message, data: AnswerData): string {
  const samples = [...data.samples, ...defaults];
  const body = fieldsXml(message.fields, message.namespace, [message.element], samples, data);
  return `<${message.element} xmlns="${escapeXml(message.namespace)}">${body}</${message.element}>`;
}

const endsWith = (path: string[], field: string) => {
  const parts = field.split('/');
  return parts.length <= path.length && parts.every((p, i) => path[path.length - parts.length + i] === p);
};

function samplesAt(samples: KorsbaekSample[], path: string[]): string[] | undefined {
  return samples.find((s) => endsWith(path, s.field))?.values;
}

/** Does a sample name this field or one below it? */
function reached(field: MessageField, path: string[], samples: KorsbaekSample[]): boolean {
  const here = [...path, field.name];
  if (samples.some((s) => s.values.length > 0 && s !== defaults[0] && endsWith(here, s.field))) return true;
  return (field.fields ?? []).some((f) => reached(f, here, samples));
}

function fieldsXml(
  fields: MessageField[],
  ns: string,
  path: string[],
  samples: KorsbaekSample[],
  data: AnswerData,
): string {
  const branch = new Map<number, MessageField>();
  for (const f of fields) {
    if (f.choice === undefined || f.name === '*') continue;
    const current = branch.get(f.choice);
    const score = (x: MessageField) => (reached(x, path, samples) ? 2 : data.prefer?.includes(x.name) ? 1 : 0);
    if (current === undefined || score(f) > score(current)) branch.set(f.choice, f);
  }
  let out = '';
  for (const f of fields) {
    if (f.name === '*' || (f.choice !== undefined && branch.get(f.choice) !== f)) continue;
    const here = [...path, f.name];
    const required = (f.minOccurs ?? 1) > 0 || f.choice !== undefined;
    const max = f.maxOccurs === 'unbounded' ? Infinity : (f.maxOccurs ?? 1);
    const fns = f.namespace ?? ns;
    const open = fns === ns ? `<${f.name}>` : `<${f.name} xmlns="${escapeXml(fns)}">`;
    const kept = f.fields !== undefined ? data.objects?.(f) : undefined;
    if (kept !== undefined) {
      for (const node of kept.slice(0, max)) out += `${open}${nodeXml(f.fields!, fns, here, node, data)}</${f.name}>`;
      continue;
    }
    if (f.fields !== undefined) {
      if (!required && !reached(f, path, samples)) continue;
      const inner = fieldsXml(f.fields, fns, here, samples, data);
      out += `${open}${inner}</${f.name}>`.repeat(Math.max(f.minOccurs ?? 1, 1));
      continue;
    }
    const declared = samplesAt(samples, here);
    let values: string[];
    if (declared) values = declared.slice(0, max);
    else if (!required) continue;
    else if (!isSimple(f)) values = [''];
    else {
      const echoed = data.echo.get(f.name)?.find((v) => problemOf(f, v) === undefined);
      const value = echoed ?? valueFor(f, 'sample', here.join('/'));
      values = [value ?? ''];
    }
    while (values.length < (f.minOccurs ?? 1)) values.push(values[0]!);
    for (const v of values) out += `${open}${escapeXml(v)}</${f.name}>`;
  }
  return out;
}

/**
 * A kept object's element: each field takes the node's children of its name (as many as the field
 * allows), a simple one their text where it is a valid value; a required field the node lacks is
 * made as usual (without the integration's samples: they describe another object).
 */
function nodeXml(fields: MessageField[], ns: string, path: string[], node: ValueNode, data: AnswerData): string {
  let out = '';
  for (const f of fields) {
    if (f.name === '*') continue;
    const matches = node.children.filter((c) => c.name === f.name);
    const fns = f.namespace ?? ns;
    const here = [...path, f.name];
    if (matches.length === 0) {
      const made = { ...data, objects: undefined };
      if (f.choice === undefined) {
        if ((f.minOccurs ?? 1) > 0) out += fieldsXml([f], ns, path, defaults, made);
        continue;
      }
      // A choice the node answers none of: one branch made, at its first field.
      const group = fields.filter((g) => g.choice === f.choice);
      if (group[0] === f && !group.some((g) => node.children.some((c) => c.name === g.name)))
        out += fieldsXml(group, ns, path, defaults, made);
      continue;
    }
    const max = f.maxOccurs === 'unbounded' ? Infinity : (f.maxOccurs ?? 1);
    const open = fns === ns ? `<${f.name}>` : `<${f.name} xmlns="${escapeXml(fns)}">`;
    for (const match of matches.slice(0, max)) {
      if (f.fields !== undefined) {
        out += `${open}${nodeXml(f.fields, fns, here, match, data)}</${f.name}>`;
        continue;
      }
      const text = match.text ?? '';
      const value = isSimple(f) && problemOf(f, text) !== undefined ? valueFor(f, 'sample', here.join('/')) : text;
      out += `${open}${escapeXml(value ?? '')}</${f.name}>`;
    }
  }
  return out;
}
