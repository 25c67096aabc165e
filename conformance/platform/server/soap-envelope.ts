import type { Document, Element } from '@xmldom/xmldom';
import { soapEnvelopeNs } from '../faults/index.ts';
import type { SoapVersion } from '../service-handler.ts';

export interface SoapEnvelope {
  version: SoapVersion;
  header: Element | undefined;
  /** First element child of the Body. */
  bodyElement: Element | undefined;
}

export type EnvelopeResult = SoapEnvelope | { problem: 'not-soap' };

const versionOf = (ns: string | null): SoapVersion | undefined =>
  ns === soapEnvelopeNs['1.1'] ? '1.1' : ns === soapEnvelopeNs['1.2'] ? '1.2' : undefined;

export function firstElementChild(parent: Element): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  return undefined;
}

function childElement(parent: Element, ns: string, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns)
      return n as Element;
  }
  return undefined;
}

/** Finds the SOAP version (from the Envelope's namespace), the Header and the Body's request element. */
export function readEnvelope(document: Document): EnvelopeResult {
  const root = document.documentElement;
  if (!root || root.localName !== 'Envelope') return { problem: 'not-soap' };
  const version = versionOf(root.namespaceURI);
  if (!version) return { problem: 'not-soap' };
  const ns = soapEnvelopeNs[version];
  const body = childElement(root, ns, 'Body');
  if (!body) return { problem: 'not-soap' };
  return { version, header: childElement(root, ns, 'Header'), bodyElement: firstElementChild(body) };
}
