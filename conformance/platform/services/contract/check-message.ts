import type { Element } from '@xmldom/xmldom';
import { isSimple, problemOf } from '../../../../catalog/index.ts';
import type { Message, MessageField } from '../../../../catalog/index.ts';
import type { Finding } from '../../service-handler.ts';

const elementChildren = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};

/**
 * Checks a request element against the tree the catalogue derived from the contract: names and
 * namespaces of the child elements, their cardinality, and the values of simple fields
 * (enumeration, pattern, length, built-in type). Below the depth the import expanded a field has
 * no children to check against, so its content is taken as it is. Findings are errors with a
 * `tree.*` code and the element's path, recorded with the exchange like the XSD findings of the
 * hand-written services.
 */
export function checkMessage(element: Element, message: Message, limit = 20): Finding[] {
  const findings: Finding[] = [];
  const path = `/${element.localName}`;
  if (element.localName !== message.element || (element.namespaceURI ?? '') !== message.namespace) {
    findings.push({
      severity: 'error',
      code: 'tree.element',
      message: `The request element is {${element.namespaceURI ?? ''}}${element.localName}; the contract's is {${message.namespace}}${message.element}.`,
      path,
    });
    return findings;
  }
  checkChildren(element, message.fields, message.namespace, path, findings, limit);
  return findings.slice(0, limit);
}

function checkChildren(
  el: Element,
  fields: MessageField[],
  ns: string,
  path: string,
  findings: Finding[],
  limit: number,
): void {
  const counts = new Map<MessageField, number>();
  const wildcard = fields.some((f) => f.name === '*');
  const chosen = new Map<number, MessageField>();
  for (const child of elementChildren(el)) {
    if (findings.length >= limit) return;
    const childNs = child.namespaceURI ?? '';
    const field = fields.find((f) => f.name === child.localName && (f.namespace ?? ns) === childNs);
    const at = `${path}/${child.localName}`;
    if (!field) {
      if (!wildcard)
        findings.push({
          severity: 'error',
          code: 'tree.unexpected-element',
          message: `{${childNs}}${child.localName} is not a field of ${path.split('/').pop()} in the contract. Expected: ${fields.map((f) => f.name).join(', ') || '(no child elements)'}.`,
          path: at,
        });
      continue;
    }
    counts.set(field, (counts.get(field) ?? 0) + 1);
    if (field.choice !== undefined) {
      const other = chosen.get(field.choice);
      if (other && other !== field)
        findings.push({
          severity: 'error',
          code: 'tree.choice',
          message: `${field.name} and ${other.name} exclude each other (one choice in the contract); send one of them.`,
          path: at,
        });
      chosen.set(field.choice, field);
    }
    if (field.fields) checkChildren(child, field.fields, field.namespace ?? ns, at, findings, limit);
    else if (isSimple(field)) {
      const problem = problemOf(field, child.textContent ?? '');
      if (problem)
        findings.push({ severity: 'error', code: 'tree.value', message: `${field.name}: ${problem}.`, path: at });
    }
  }
  for (const field of fields) {
    if (field.name === '*') continue;
    const n = counts.get(field) ?? 0;
    const min = field.minOccurs ?? 1;
    const max = field.maxOccurs ?? 1;
    if (n < min)
      findings.push({
        severity: 'error',
        code: 'tree.missing',
        message: `${field.name} is missing in ${path.split('/').pop()}: the contract requires ${min === 1 ? 'it' : `at least ${min}`}.`,
        path: `${path}/${field.name}`,
      });
    else if (max !== 'unbounded' && n > max)
      findings.push({
        severity: 'error',
        code: 'tree.too-many',
        message: `${field.name} occurs ${n} times in ${path.split('/').pop()}; the contract allows at most ${max}.`,
        path: `${path}/${field.name}`,
      });
  }
}
