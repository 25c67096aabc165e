import type { Element } from '@xmldom/xmldom';
import { isSimple, valueFor } from '../../../../catalog/index.ts';
import type { Message, MessageField } from '../../../../catalog/index.ts';

/** Serviceplatformen's context elements: who calls, not what is asked, so never a fault trigger or an echoed value. */
const contextNamespaces = new Set([
  'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/',
  'http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/',
  'http://serviceplatformen.dk/xml/schemas/CallContext/1/',
]);

/** A field's fault value, made once per field of the loaded catalogue (making it reads its pattern). */
const faultValues = new WeakMap<MessageField, string | undefined>();
function faultValue(field: MessageField): string | undefined {
  if (!faultValues.has(field)) faultValues.set(field, valueFor(field, 'fault'));
  return faultValues.get(field);
}

export interface RequestValues {
  /** Simple values by local name, in document order. */
  byName: Map<string, string[]>;
  /** The first field holding klarmeld's fault-on-demand value (valueFor(field, 'fault')), as a path. */
  faultTrigger?: string;
}

/**
 * Reads the simple values of a request along the tree the catalogue derived from the contract:
 * what a response field of the same name echoes, and whether the request asks for a fault on
 * demand (README: a field holding its fault value, e.g. all-f UUID, 99999999 for a CVR number).
 */
export function requestValues(element: Element, message: Message): RequestValues {
  const out: RequestValues = { byName: new Map() };
  walk(element, message.fields, message.namespace, `/${message.element}`, out);
  return out;
}

function walk(el: Element, fields: MessageField[], ns: string, path: string, out: RequestValues): void {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const child = n as Element;
    const childNs = child.namespaceURI ?? '';
    if (contextNamespaces.has(childNs)) continue;
    const field = fields.find((f) => f.name === child.localName && (f.namespace ?? ns) === childNs);
    if (!field) continue;
    const at = `${path}/${field.name}`;
    if (field.fields) {
      walk(child, field.fields, field.namespace ?? ns, at, out);
      continue;
    }
    if (!isSimple(field)) continue;
    const value = (child.textContent ?? '').trim();
    const list = out.byName.get(field.name) ?? [];
    list.push(value);
    out.byName.set(field.name, list);
    if (out.faultTrigger === undefined && value !== '' && value === faultValue(field)) out.faultTrigger = at;
  }
}
