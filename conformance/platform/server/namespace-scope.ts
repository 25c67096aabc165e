/**
 * The namespace prefixes in scope while a document is read: the declarations of the open
 * elements on a stack, the innermost found first. xmldom's reader keeps one map per element that
 * inherits from its parent's (a prototype chain); made per request, every map that becomes a
 * prototype costs V8 a conversion, which profiling showed as most of the fast reader's own time.
 *
 * A request declares a handful of prefixes, found fastest by reading the stack from the top. Past
 * `scanLimit` declarations in scope an index by prefix takes over, so that a hostile body of
 * thousands of declarations and elements costs one lookup per name, not their product.
 */
export class NamespaceScope {
  private readonly prefixes: string[] = [];
  private readonly uris: string[] = [];
  /** Where each open element's declarations start. */
  private readonly marks: number[] = [];
  /** Declarations in scope (the arrays are not shortened: setting an array's length is a runtime call). */
  private size = 0;
  /** Past `scanLimit`: each prefix's innermost declaration, and for each declaration the one it hides (-1: none). */
  private index: Map<string, number> | undefined;
  private readonly hidden: number[] = [];
  private readonly xmlNs: string;

  constructor(xmlNs: string) {
    this.xmlNs = xmlNs;
  }

  /** A declaration of the element being read: `xmlns` ('' prefix) or `xmlns:prefix`. */
  declare(prefix: string, uri: string): void {
    const k = this.size;
    this.prefixes[k] = prefix;
    this.uris[k] = uri;
    this.size = k + 1;
    if (this.index) this.indexOne(k);
    else if (this.size > scanLimit) {
      this.index = new Map();
      for (let j = 0; j < this.size; j++) this.indexOne(j);
    }
  }

  /** The namespace bound to `prefix` ('' for the default), as xmldom's reader finds it: undefined when unbound. */
  uri(prefix: string): string | null | undefined {
    if (this.index) {
      const k = this.index.get(prefix);
      if (k !== undefined) return this.uris[k];
    } else {
      const prefixes = this.prefixes;
      for (let k = this.size - 1; k >= 0; k--) if (prefixes[k] === prefix) return this.uris[k];
    }
    if (prefix === '') return null;
    return prefix === 'xml' ? this.xmlNs : undefined;
  }

  /** The declarations made since `mark` hold for an element opened now, until it closes. */
  open(mark: number): void {
    this.marks.push(mark);
  }

  /** The count to pass to `open` or `close` for the element about to be read. */
  mark(): number {
    return this.size;
  }

  /** Drops the declarations of the innermost open element (or, with `mark`, of an empty element just read). */
  close(mark = this.marks.pop()!): void {
    if (this.index)
      for (let k = this.size - 1; k >= mark; k--) {
        const hidden = this.hidden[k]!;
        if (hidden < 0) this.index.delete(this.prefixes[k]!);
        else this.index.set(this.prefixes[k]!, hidden);
      }
    this.size = mark;
  }

  private indexOne(k: number): void {
    const index = this.index!;
    this.hidden[k] = index.get(this.prefixes[k]!) ?? -1;
    index.set(this.prefixes[k]!, k);
  }
}

/** Declarations in scope up to which reading the stack is cheaper than an index. */
const scanLimit = 16;
