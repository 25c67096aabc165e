import { splitQName, XSD_NS, type Facets, type QName, type SchemaSet, type SimpleTypeDef } from '../model.ts';
import { BUILTIN_CHECKS, PRESERVES_WHITESPACE, type ValueCheck } from './builtin-types.ts';
import { compileXsdPattern } from './xsd-regex.ts';

/** A compiled simple type: whether it keeps whitespace, and the check of a (normalised) value. */
export interface CompiledSimple {
  preserve: boolean;
  check: ValueCheck;
}

const ACCEPT: CompiledSimple = { preserve: true, check: () => undefined };

/**
 * Compiles simple types to closures, memoised per definition so each pattern is built once for
 * the life of the validator.
 */
export class SimpleTypeCompiler {
  private readonly set: SchemaSet;
  private readonly byDef = new Map<SimpleTypeDef, CompiledSimple>();

  constructor(set: SchemaSet) {
    this.set = set;
  }

  /** The check for a named type (built-in or declared); unknown names accept anything. */
  named(name: QName): CompiledSimple {
    const { ns, local } = splitQName(name);
    if (ns === XSD_NS)
      return { preserve: PRESERVES_WHITESPACE.has(local), check: BUILTIN_CHECKS[local] ?? ACCEPT.check };
    const def = this.set.types.get(name);
    if (def === undefined) return ACCEPT;
    if (def.kind === 'simple') return this.compile(def);
    // A complex type with simple content used as a base: its text follows the base's simple type.
    return def.derivation?.content === 'simple'
      ? this.withFacets(this.named(def.derivation.base), def.derivation.facets ?? {})
      : ACCEPT;
  }

  compile(def: SimpleTypeDef): CompiledSimple {
    const known = this.byDef.get(def);
    if (known !== undefined) return known;
    // Placeholder guards against a type that (wrongly) derives from itself.
    this.byDef.set(def, ACCEPT);
    let compiled: CompiledSimple;
    if (def.listItem !== undefined) {
      const item = this.named(def.listItem);
      const list: ValueCheck = (v) => {
        for (const token of v.split(/\s+/))
          if (token !== '') {
            const p = item.check(token);
            if (p) return p;
          }
        return undefined;
      };
      compiled = this.withFacets({ preserve: false, check: list }, def.facets);
    } else if (def.unionMembers !== undefined) {
      const members = def.unionMembers.map((m) => this.named(m));
      compiled = {
        preserve: false,
        check: (v) =>
          members.some((m) => m.check(v.trim()) === undefined)
            ? undefined
            : `"${v}" matches none of the union's member types`,
      };
    } else {
      const base =
        def.inlineBase !== undefined
          ? this.compile(def.inlineBase)
          : def.base !== undefined
            ? this.named(def.base)
            : ACCEPT;
      compiled = this.withFacets(base, def.facets);
    }
    this.byDef.set(def, compiled);
    return compiled;
  }

  /** Adds one restriction step's facets on top of the base check (base first, then facets). */
  withFacets(base: CompiledSimple, facets: Facets): CompiledSimple {
    const checks: ValueCheck[] = [base.check];
    if (facets.enumeration !== undefined) {
      const allowed = new Set(facets.enumeration);
      const list =
        facets.enumeration.length <= 8
          ? facets.enumeration.join(', ')
          : `${facets.enumeration.slice(0, 8).join(', ')} …`;
      checks.push((v) => (allowed.has(v) ? undefined : `"${v}" is not one of the allowed values (${list})`));
    }
    if (facets.pattern !== undefined) {
      // Patterns of one restriction step are alternatives; skip those JavaScript cannot express.
      const res = facets.pattern.map((p) => ({ p, re: compileXsdPattern(p) })).filter((x) => x.re !== undefined);
      if (res.length > 0)
        checks.push((v) =>
          res.some((x) => x.re!.test(v))
            ? undefined
            : `"${v}" does not match the pattern ${res.map((x) => x.p).join(' | ')}`,
        );
    }
    const { length, minLength, maxLength } = facets;
    if (length !== undefined)
      checks.push((v) => (v.length === length ? undefined : `"${v}" must be exactly ${length} characters long`));
    if (minLength !== undefined)
      checks.push((v) =>
        v.length >= minLength ? undefined : `"${v}" is shorter than the minimum length ${minLength}`,
      );
    if (maxLength !== undefined)
      checks.push((v) =>
        v.length <= maxLength
          ? undefined
          : `"${v.slice(0, 40)}${v.length > 40 ? '…' : ''}" is longer than the maximum length ${maxLength}`,
      );
    for (const [facet, ok] of [
      ['minInclusive', (c: number) => c >= 0],
      ['maxInclusive', (c: number) => c <= 0],
      ['minExclusive', (c: number) => c > 0],
      ['maxExclusive', (c: number) => c < 0],
    ] as const) {
      const bound = facets[facet];
      if (bound !== undefined)
        checks.push((v) => (ok(compareValues(v, bound)) ? undefined : `"${v}" violates ${facet} ${bound}`));
    }
    const { totalDigits, fractionDigits } = facets;
    if (totalDigits !== undefined || fractionDigits !== undefined) {
      checks.push((v) => {
        const [int = '', frac = ''] = v.replace(/^[+-]/, '').split('.');
        const digits = (int.replace(/^0+/, '') + frac.replace(/0+$/, '')).length;
        if (totalDigits !== undefined && digits > totalDigits) return `"${v}" has more than ${totalDigits} digits`;
        if (fractionDigits !== undefined && frac.replace(/0+$/, '').length > fractionDigits)
          return `"${v}" has more than ${fractionDigits} fraction digits`;
        return undefined;
      });
    }
    if (checks.length === 1) return base;
    return {
      preserve: base.preserve,
      check: (v) => {
        for (const c of checks) {
          const p = c(v);
          if (p !== undefined) return p;
        }
        return undefined;
      },
    };
  }
}

/** Numbers compare numerically; anything else (dates) lexically, which holds for same-format values. */
function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
