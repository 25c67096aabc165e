import { createRequire } from 'node:module';

let installed = false;

/**
 * @xmldom/xmldom 0.9 compiles a new Unicode RegExp for every end tag it parses
 * (`g.reg('^', g.QName_group, g.S_OPT, '$')` in lib/sax.js); profiling the platform showed that
 * as ~6 % of the request path. Its `reg` builds regexes with the `u` flag or none (never `g`/`y`),
 * so they hold no state between uses and one compiled instance per distinct pattern is safe to
 * share. Called once by startPlatform; changes nothing but speed.
 */
export function cacheXmldomRegexes(): void {
  if (installed) return;
  installed = true;
  let grammar: { reg?: (...args: unknown[]) => RegExp };
  try {
    grammar = createRequire(import.meta.url)('@xmldom/xmldom/lib/grammar.js') as typeof grammar;
  } catch {
    return; // another xmldom layout: parsing stays correct, only slower
  }
  const original = grammar.reg;
  if (typeof original !== 'function') return;
  const cache = new Map<string, RegExp>();
  // Regex arguments are xmldom's own module constants: keyed by identity, so no long source is joined per call.
  const ids = new WeakMap<RegExp, number>();
  let next = 0;
  const regexId = (r: RegExp) => ids.get(r) ?? (ids.set(r, ++next), next);
  grammar.reg = function cachedReg(this: unknown, ...args: unknown[]): RegExp {
    let key = '';
    for (const a of args)
      key += typeof a === 'string' ? `s${a.length}:${a}` : a instanceof RegExp ? `r${regexId(a)}` : '?';
    let regex = cache.get(key);
    if (!regex) {
      regex = original.apply(this, args);
      if (regex.global || regex.sticky || key.includes('?')) return regex;
      if (cache.size < 256) cache.set(key, regex);
    }
    return regex;
  };
}
