import type { CElement, CParticle, CType, SchemaCompiler } from './compiled-schema.ts';

/** One problem found in an XML document: where (a path of element names) and what is wrong. */
export interface Finding {
  path: string;
  message: string;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

interface Ctx {
  compiler: SchemaCompiler;
  findings: Finding[];
  limit: number;
}

/** A path built only when a finding needs it: the walk itself allocates no strings. */
export interface Path {
  parent: Path | undefined;
  name: string;
}

const render = (p: Path | undefined): string => {
  const parts: string[] = [];
  for (let at = p; at !== undefined; at = at.parent) parts.push(at.name);
  return `/${parts.reverse().join('/')}`;
};

const keyOf = (el: Element) => `{${el.namespaceURI ?? ''}}${el.localName}`;

/** Validates `el` against the compiled declaration `decl`, appending findings under `path`. */
export function walkElement(ctx: Ctx, el: Element, decl: CElement, path: Path): void {
  if (ctx.findings.length >= ctx.limit) return;
  const t = decl.type;
  if (t.any) return;
  checkAttributes(ctx, el, t, path);
  if (decl.nillable && el.getAttributeNS(XSI, 'nil') === 'true') return;
  const children: Element[] = [];
  let text = '';
  let textSignificant = false;
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    const type = n.nodeType;
    if (type === 1) children.push(n as Element);
    else if (type === 3 || type === 4) {
      const data = (n as CharacterData).data;
      text += data;
      if (!textSignificant && data.trim() !== '') textSignificant = true;
    }
  }
  if (t.simple !== undefined && t.particle === undefined) {
    if (children.length > 0) {
      report(ctx, path, `must contain only text, but contains the element <${children[0]!.localName}>`);
      return;
    }
    const value = t.simple.preserve ? text : text.trim();
    const problem = t.simple.check(value);
    if (problem !== undefined) report(ctx, path, problem);
    else if (decl.fixed !== undefined && value !== decl.fixed && !(decl.fixed === 'true' && value === '1'))
      report(ctx, path, `must be "${decl.fixed}" (a fixed value), not "${value}"`);
    return;
  }
  if (textSignificant && !t.mixed)
    report(ctx, path, `must contain only elements, but contains the text "${text.trim().slice(0, 40)}"`);
  let end = 0;
  if (t.particle !== undefined) {
    end = matchRepeated(ctx, t.particle, children, 0, path);
    if (end < 0) return;
  }
  if (end < children.length) {
    const expected = t.particle ? expectedAfter(t.particle) : '';
    report(
      ctx,
      path,
      `unexpected element <${children[end]!.localName}> (namespace "${children[end]!.namespaceURI ?? ''}")${expected}`,
    );
  }
}

function report(ctx: Ctx, path: Path, message: string, attribute?: string): void {
  if (ctx.findings.length < ctx.limit)
    ctx.findings.push({ path: attribute === undefined ? render(path) : `${render(path)}/@${attribute}`, message });
}

function checkAttributes(ctx: Ctx, el: Element, t: CType, path: Path): void {
  const attrs = el.attributes;
  let seenRequired = 0;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    const ns = a.namespaceURI ?? '';
    if (ns === XMLNS || ns === XSI || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    const spec = t.attributes.get(`{${ns}}${a.localName}`);
    if (spec === undefined) {
      if (!t.anyAttribute) report(ctx, path, 'attribute is not allowed here', a.localName);
      continue;
    }
    if (spec.required) seenRequired++;
    const problem = spec.check.check(spec.check.preserve ? a.value : a.value.trim());
    if (problem !== undefined) report(ctx, path, problem, a.localName);
  }
  if (t.attributes.size === 0) return;
  let required = 0;
  for (const spec of t.attributes.values()) if (spec.required) required++;
  if (seenRequired < required) {
    for (const [key, spec] of t.attributes) {
      if (!spec.required) continue;
      const close = key.indexOf('}');
      if (
        !el.hasAttributeNS(key.slice(1, close) || null, key.slice(close + 1)) &&
        !el.hasAttribute(key.slice(close + 1))
      )
        report(ctx, path, `the required attribute "${spec.name}" is missing`);
    }
  }
}

const canStart = (p: CParticle, el: Element): boolean =>
  p.starts.get(el.localName)?.has(el.namespaceURI ?? '') === true ||
  (p.wildcard !== undefined && p.wildcard(el.namespaceURI ?? ''));

/** Matches `p` with its min/max repetitions from `pos`; returns the next position, or -1 after reporting. */
function matchRepeated(ctx: Ctx, p: CParticle, children: Element[], pos: number, path: Path): number {
  let count = 0;
  while (count < p.max && pos < children.length && canStart(p, children[pos]!)) {
    const next = matchOnce(ctx, p, children, pos, path);
    if (next < 0) return -1;
    if (next === pos) break;
    pos = next;
    count++;
  }
  if (count < p.min && !(count === 0 && p.bodyEmptiable)) {
    const found = pos < children.length ? foundText(p, children[pos]!) : 'found the end of the element';
    report(
      ctx,
      path,
      `expected ${describe(p)}${p.min > 1 ? ` (at least ${p.min} times, got ${count})` : ''}, ${found}`,
    );
    return -1;
  }
  return pos;
}

function matchOnce(ctx: Ctx, p: CParticle, children: Element[], pos: number, path: Path): number {
  switch (p.kind) {
    case 'element': {
      const child = children[pos]!;
      walkElement(ctx, child, p.element!, { parent: path, name: child.localName });
      return pos + 1;
    }
    case 'any': {
      if (p.processContents !== 'skip') {
        const decl = ctx.compiler.global(keyOf(children[pos]!));
        const child = children[pos]!;
        if (decl !== undefined) walkElement(ctx, child, decl, { parent: path, name: child.localName });
        else if (p.processContents === 'strict')
          report(
            ctx,
            { parent: path, name: child.localName },
            'no schema declares this element, and the wildcard here requires one',
          );
      }
      return pos + 1;
    }
    case 'sequence': {
      for (const item of p.items) {
        pos = matchRepeated(ctx, item, children, pos, path);
        if (pos < 0) return -1;
      }
      return pos;
    }
    case 'choice': {
      const child = children[pos]!;
      const branch = p.items.find((i) => canStart(i, child));
      return branch === undefined ? pos : matchRepeated(ctx, branch, children, pos, path);
    }
    case 'all': {
      const counts = new Map<CParticle, number>();
      while (pos < children.length) {
        const item = p.items.find((i) => canStart(i, children[pos]!));
        if (item === undefined) break;
        const n = (counts.get(item) ?? 0) + 1;
        if (n > item.max) {
          report(ctx, { parent: path, name: children[pos]!.localName }, 'appears more often than allowed');
          return -1;
        }
        counts.set(item, n);
        pos = matchOnce(ctx, item, children, pos, path);
        if (pos < 0) return -1;
      }
      for (const item of p.items) {
        if ((counts.get(item) ?? 0) < item.min) {
          report(ctx, path, `expected ${describe(item)}, which is required`);
          return -1;
        }
      }
      return pos;
    }
  }
}

/** Names the element found; when its name is right but its namespace is not, says both namespaces. */
function foundText(p: CParticle, el: Element): string {
  const expected = p.starts.get(el.localName);
  if (expected === undefined) return `found <${el.localName}>`;
  return `found <${el.localName}> in namespace "${el.namespaceURI ?? ''}" instead of "${[...expected].join('" or "')}"`;
}

function describe(p: CParticle): string {
  if (p.kind === 'element') return `<${p.element!.name}>`;
  if (p.kind === 'any') return 'an element from another namespace';
  const names = [...p.first].map((k) => `<${k.slice(k.indexOf('}') + 1)}>`);
  return names.length === 1 ? names[0]! : `one of ${names.slice(0, 6).join(', ')}${names.length > 6 ? ' …' : ''}`;
}

function expectedAfter(p: CParticle): string {
  return p.first.size > 0 || p.wildcard ? '' : '; this element must be empty';
}
