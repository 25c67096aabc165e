import { parseXml, type XmlNode } from '../../wire/index.ts';

/** What a contract-described service answered, as the calling system must understand it. */
export type ContractAnswer =
  /** The data of the answer: each simple value by its path of local names below the response element. */
  | { ok: true; values: Record<string, string[]> }
  /** A refusal: a SOAP fault (ServiceplatformFault's ErrorCode when it has one), StandardRetur with a StatusKode other than 20, or SvarReaktion/Fejl. */
  | { ok: false; code: string; text: string };

const children = (node: XmlNode): XmlNode[] => {
  const out: XmlNode[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlNode);
  return out;
};
const child = (node: XmlNode | undefined, name: string) =>
  node ? children(node).find((c) => c.localName === name) : undefined;
const deep = (node: XmlNode, name: string): XmlNode | undefined => {
  for (const c of children(node)) {
    if (c.localName === name) return c;
    const found = deep(c, name);
    if (found) return found;
  }
  return undefined;
};
const text = (node: XmlNode | undefined) => (node?.textContent ?? '').trim();

/**
 * Reads a SOAP answer of a contract-described service (SOAP 1.1 or 1.2, signed or not): the
 * refusals a Serviceplatformen service or a Støttesystem can give inside or instead of its
 * response, else every simple value of the response element. Throws a TypeError when the text is
 * no SOAP envelope with a Body: the caller reports that as the service's failure.
 */
export function readContractAnswer(xml: string): ContractAnswer {
  const envelope = parseXml(xml).documentElement;
  const body = envelope && envelope.localName === 'Envelope' ? child(envelope, 'Body') : undefined;
  if (!body) throw new TypeError(`The service answered without a SOAP envelope: ${xml.slice(0, 200)}`);
  const fault = child(body, 'Fault');
  if (fault) {
    const code =
      text(deep(fault, 'ErrorCode')) || text(child(fault, 'faultcode')) || text(deep(fault, 'Value')) || 'soap-fault';
    const reason = text(deep(fault, 'ErrorText')) || text(child(fault, 'faultstring')) || text(deep(fault, 'Text'));
    return { ok: false, code, text: reason };
  }
  const response = children(body)[0];
  if (!response) return { ok: true, values: {} };
  const status = deep(response, 'StandardRetur');
  if (status && text(child(status, 'StatusKode')) !== '20') {
    return {
      ok: false,
      code: `StatusKode ${text(child(status, 'StatusKode'))}`,
      text: text(child(status, 'FejlbeskedTekst')),
    };
  }
  const error = deep(response, 'SvarReaktion') && child(deep(response, 'SvarReaktion'), 'Fejl');
  if (error) return { ok: false, code: text(child(error, 'FejlId')) || 'Fejl', text: text(child(error, 'FejlTekst')) };
  const values: Record<string, string[]> = {};
  const walk = (node: XmlNode, path: string[]) => {
    const kids = children(node);
    if (kids.length === 0) {
      (values[path.join('/')] ??= []).push(text(node));
      return;
    }
    for (const k of kids) walk(k, [...path, k.localName ?? '']);
  };
  for (const k of children(response)) walk(k, [k.localName ?? '']);
  return { ok: true, values };
}
