import type { ContractModel, QName } from './model.ts';
import { describeElement, type FieldModel } from './describe-element.ts';

/**
 * Differences between a project contract and the official one it claims to be wire-compatible
 * with, as sentences; empty when they agree. Checks every service, port and operation of the
 * project contract against the official: SOAP version, soapAction, namespaces, body, header and
 * fault elements, and then the fields of every message element the project declares (names,
 * namespaces, order, cardinality, built-in types, enumerations). The project may leave out optional
 * fields and may accept a subtree as a wildcard; it may not add, rename, reorder or drop required ones.
 */
export function compareContracts(project: ContractModel, official: ContractModel): string[] {
  const out: string[] = [];
  const elements = new Set<QName>();
  for (const s of project.services) {
    const o = official.services.find((x) => x.name === s.name);
    if (o === undefined) {
      out.push(`service ${s.name}: the official contract has no service of that name`);
      continue;
    }
    if (o.namespace !== s.namespace) out.push(`service ${s.name}: namespace ${s.namespace}, official ${o.namespace}`);
    for (const p of s.ports) {
      const op = o.ports.find((x) => x.name === p.name) ?? o.ports[0];
      if (op === undefined) {
        out.push(`service ${s.name}: the official service has no ports`);
        continue;
      }
      if (op.soapVersion !== p.soapVersion)
        out.push(`port ${p.name}: SOAP ${p.soapVersion}, official SOAP ${op.soapVersion}`);
      for (const operation of p.operations) {
        const theirs = op.operations.find((x) => x.name === operation.name);
        const at = `${s.name}.${operation.name}`;
        if (theirs === undefined) {
          out.push(`${at}: the official contract has no such operation`);
          continue;
        }
        if (theirs.soapAction !== operation.soapAction)
          out.push(`${at}: soapAction "${operation.soapAction}", official "${theirs.soapAction}"`);
        for (const which of ['input', 'output'] as const) {
          const a = operation[which];
          const b = theirs[which];
          if (JSON.stringify(a?.body ?? []) !== JSON.stringify(b?.body ?? []))
            out.push(`${at} ${which}: body ${a?.body.join(', ')}, official ${b?.body.join(', ')}`);
          if (JSON.stringify(a?.headers ?? []) !== JSON.stringify(b?.headers ?? []))
            out.push(`${at} ${which}: headers ${a?.headers.join(', ')}, official ${b?.headers.join(', ')}`);
          for (const e of [...(a?.body ?? []), ...(a?.headers ?? [])]) elements.add(e);
        }
        const faults = (x: typeof operation) =>
          x.faults
            .map((f) => f.element ?? f.name)
            .sort()
            .join(', ');
        if (faults(operation) !== faults(theirs))
          out.push(`${at}: faults ${faults(operation)}, official ${faults(theirs)}`);
        for (const f of operation.faults) if (f.element) elements.add(f.element);
      }
    }
  }
  for (const e of elements) out.push(...compareElements(project, official, e));
  return out;
}

/** Field-by-field differences of one global element between the project and the official schema. */
export function compareElements(project: ContractModel, official: ContractModel, element: QName): string[] {
  const mine = describeElement(project.schema, element);
  const theirs = describeElement(official.schema, element);
  if (mine === undefined) return [`${element}: the project contract does not declare it`];
  if (theirs === undefined) return [`${element}: the official contract does not declare it`];
  const out: string[] = [];
  compareFields(mine.fields ?? [], theirs.fields ?? [], `/${mine.name}`, out);
  return out;
}

const bound = (f: FieldModel) => `${f.minOccurs}..${f.maxOccurs === 'unbounded' ? '*' : f.maxOccurs}`;

function compareFields(mine: FieldModel[], theirs: FieldModel[], path: string, out: string[]): void {
  if (theirs.some((f) => f.any !== undefined)) return;
  let j = 0;
  const hasWildcard = mine.some((f) => f.any !== undefined);
  for (const f of mine) {
    if (f.any !== undefined) continue;
    const k = theirs.findIndex((t, i) => i >= j && t.name === f.name && t.ns === f.ns);
    const at = `${path}/${f.name}`;
    if (k < 0) {
      const anywhere = theirs.some((t) => t.name === f.name && t.ns === f.ns);
      out.push(`${at}: ${anywhere ? 'out of the official order' : `not in the official contract (namespace ${f.ns})`}`);
      continue;
    }
    const t = theirs[k]!;
    for (const skipped of theirs.slice(j, k)) {
      if (skipped.minOccurs > 0 && !hasWildcard)
        out.push(`${path}/${skipped.name}: required by the official contract, missing in the project's`);
    }
    j = k + 1;
    if (bound(f) !== bound(t)) out.push(`${at}: occurs ${bound(f)}, official ${bound(t)}`);
    if (f.base !== undefined && t.base !== undefined && f.base !== t.base)
      out.push(`${at}: type ${f.base}, official ${t.base}`);
    const extra = (f.facets?.enumeration ?? []).filter(
      (v) => t.facets?.enumeration !== undefined && !t.facets.enumeration.includes(v),
    );
    if (extra.length > 0) out.push(`${at}: values ${extra.join(', ')} are not allowed by the official contract`);
    if (f.fields !== undefined && t.fields !== undefined && !f.recursive && !t.recursive)
      compareFields(f.fields, t.fields, at, out);
  }
  if (!hasWildcard) {
    for (const skipped of theirs.slice(j)) {
      if (skipped.minOccurs > 0)
        out.push(`${path}/${skipped.name}: required by the official contract, missing in the project's`);
    }
  }
}
