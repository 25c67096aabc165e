import { XSD_NS, splitQName, type Particle, type QName, type SchemaSet, type TypeDef } from './model.ts';

export interface Unresolved {
  file: string;
  ref: QName;
  what: 'the type' | 'the element' | 'the attribute';
}

/** Every type, element and attribute reference in `set` that no declaration in `set` answers. */
export function unresolvedReferences(set: SchemaSet): Unresolved[] {
  const out: Unresolved[] = [];
  const seen = new Set<TypeDef>();
  const type = (ref: QName | undefined, file: string) => {
    if (ref === undefined || splitQName(ref).ns === XSD_NS || set.types.has(ref)) return;
    out.push({ file, ref, what: 'the type' });
  };
  const particle = (p: Particle | undefined, file: string) => {
    if (p === undefined) return;
    if (p.kind === 'element') {
      if (p.element.ref !== undefined && !set.elements.has(p.element.ref))
        out.push({ file, ref: p.element.ref, what: 'the element' });
      type(p.element.type, file);
      if (p.element.inlineType) def(p.element.inlineType);
    } else if (p.kind !== 'any') p.items.forEach((i) => particle(i, file));
  };
  const def = (t: TypeDef) => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.kind === 'simple') {
      type(t.base, t.file);
      type(t.listItem, t.file);
      t.unionMembers?.forEach((m) => type(m, t.file));
      if (t.inlineBase) def(t.inlineBase);
      return;
    }
    type(t.derivation?.base, t.file);
    particle(t.particle, t.file);
    for (const a of t.attributes) {
      if (
        a.ref !== undefined &&
        !set.attributes.has(a.ref) &&
        !a.ref.startsWith('{http://www.w3.org/XML/1998/namespace}')
      )
        out.push({ file: t.file, ref: a.ref, what: 'the attribute' });
      type(a.type, t.file);
    }
  };
  for (const e of set.elements.values()) {
    type(e.type, e.file);
    if (e.inlineType) def(e.inlineType);
  }
  for (const t of set.types.values()) def(t);
  return out;
}
