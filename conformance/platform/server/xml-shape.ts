/** How deep and how large a request's XML may be before any DOM is built. */
export interface XmlShapeLimits {
  maxDepth: number;
  /** Elements, attributes (namespace declarations too), comments, processing instructions, CDATA sections and references, together. */
  maxNodes: number;
}

/**
 * `at` is the index in the text where the scan stopped: the markup that passed a limit, or the
 * markup that cannot be well-formed whatever follows. `elements` were counted up to there.
 */
export type XmlShape =
  { ok: true } | { ok: false; problem: 'too-deep' | 'too-many-nodes' | 'malformed'; at: number; elements: number };

const lt = 0x3c;
const gt = 0x3e;
const slash = 0x2f;
const bang = 0x21;
const question = 0x3f;
const dquote = 0x22;
const squote = 0x27;
const equals = 0x3d;

/**
 * Counts nodes and nesting in one linear pass over the text and gives up at the first limit
 * passed, so a hostile body costs a scan up to its (maxNodes + 1)th node, never a DOM. Every node
 * kind is counted because each costs the parser microseconds: a body of nothing but attributes,
 * namespace declarations, comments or `&amp;` stalls it as long as one of elements does.
 * Comments, CDATA sections and processing instructions are skipped whole; quoted attribute
 * values may hold '>'. The counts are upper bounds of what any parser can build: every '<'
 * outside those is a tag, every '&' a reference, and a '<' inside a tag or an attribute value
 * (never well-formed, XML 1.0 §3.1) stops the scan as malformed, so no markup can hide from it.
 * Well-formedness beyond that is the parser's job: an unterminated construct just ends the scan.
 */
export function scanXmlShape(text: string, limits: XmlShapeLimits): XmlShape {
  let depth = 0;
  let nodes = 0;
  let elements = 0;
  // References are counted up to each '<' with one forward-moving search, so the whole stays linear.
  let amp = text.indexOf('&');
  const stop = (problem: 'too-deep' | 'too-many-nodes' | 'malformed', at: number): XmlShape => ({
    ok: false,
    problem,
    at,
    elements,
  });
  let i = text.indexOf('<');
  while (i !== -1) {
    for (; amp !== -1 && amp < i; amp = text.indexOf('&', amp + 1))
      if (++nodes > limits.maxNodes) return stop('too-many-nodes', amp);
    const next = text.charCodeAt(i + 1);
    let after: number;
    if (next === slash) {
      const end = text.indexOf('>', i + 2);
      if (end === -1) return { ok: true };
      const inner = text.indexOf('<', i + 2);
      if (inner !== -1 && inner < end) return stop('malformed', inner);
      if (depth > 0) depth -= 1;
      after = end + 1;
    } else if (next === bang || next === question) {
      if (++nodes > limits.maxNodes) return stop('too-many-nodes', i);
      if (next === question) after = skipPast(text, '?>', i + 2);
      else if (text.startsWith('<!--', i)) after = skipPast(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) after = skipPast(text, ']]>', i + 9);
      else after = skipPast(text, '>', i + 2); // DTDs were refused before the scan; the parser refuses the rest
    } else {
      elements += 1;
      if (++nodes > limits.maxNodes) return stop('too-many-nodes', i);
      // An empty-element tag (<a/>) sits one level deeper without opening one.
      if (depth + 1 > limits.maxDepth) return stop('too-deep', i);
      const tag = scanStartTag(text, i + 1, limits.maxNodes - nodes);
      if (tag.end === -1) return { ok: true };
      if (tag.problem) return stop(tag.problem, tag.end);
      nodes += tag.attributes;
      if (text.charCodeAt(tag.end - 1) !== slash) depth += 1;
      after = tag.end + 1;
    }
    if (after === -1) return { ok: true };
    i = text.indexOf('<', after);
  }
  for (; amp !== -1; amp = text.indexOf('&', amp + 1))
    if (++nodes > limits.maxNodes) return stop('too-many-nodes', amp);
  return { ok: true };
}

/** Index just past `terminator`, or -1 when the text ends first. */
function skipPast(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

interface StartTag {
  /** Index of the closing '>'; -1 when the text ends first; with a problem, where it is (the stray '<', the attribute past the limit). */
  end: number;
  attributes: number;
  problem?: 'malformed' | 'too-many-nodes';
}

/**
 * The start tag from `from` (just after its '<') to its '>', honouring quoted attribute values.
 * Attributes are counted as names, i.e. runs that follow white space or a quoted value (the
 * parser also accepts a name without a value, and `a=""b=""` without the space, each with only a
 * warning), so the count never falls short of what it builds.
 */
function scanStartTag(text: string, from: number, allowed: number): StartTag {
  const length = text.length;
  let attributes = 0;
  let afterSpace = false;
  // The first '<' after the tag's start, found once: searching again for every quoted value of a
  // tag with thousands of attributes would scan the rest of the tag each time (quadratic).
  let nextLt = -2;
  for (let p = from; p < length; p += 1) {
    const c = text.charCodeAt(p);
    if (c === gt) return { end: p, attributes };
    if (c === lt) return { end: p, attributes, problem: 'malformed' };
    if (c === dquote || c === squote) {
      const close = text.indexOf(c === dquote ? '"' : "'", p + 1);
      if (close === -1) return { end: -1, attributes };
      if (nextLt !== -1 && nextLt < p) nextLt = text.indexOf('<', p + 1);
      if (nextLt !== -1 && nextLt < close) return { end: nextLt, attributes, problem: 'malformed' };
      p = close;
      // A name right after a value is a new attribute even without the space XML requires.
      afterSpace = true;
    } else if (c <= 0x20) {
      afterSpace = true;
    } else {
      if (afterSpace && c !== slash && c !== equals && ++attributes > allowed)
        return { end: p, attributes, problem: 'too-many-nodes' };
      afterSpace = false;
    }
  }
  return { end: -1, attributes };
}

/** 1-based line and column (in characters) of an index, for a fault a developer can act on. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let n = text.indexOf('\n'); n !== -1 && n < index; n = text.indexOf('\n', n + 1)) {
    line += 1;
    lineStart = n + 1;
  }
  return { line, column: index - lineStart + 1 };
}
