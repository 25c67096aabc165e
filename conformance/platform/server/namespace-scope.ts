/**
 * The namespace prefixes in scope while a document is read: the declarations of the open
 * elements on a stack, searched from the innermost. xmldom's reader keeps one map per element
 * that inherits from its parent's (a prototype chain); made per request, every map that becomes
 * a prototype costs V8 a conversion, which profiling showed as most of the fast reader's own time.
 */
export class NamespaceScope {
  private readonly prefixes: string[] = [];
  private readonly uris: string[] = [];
  /** Where each open element's declarations start. */
  private readonly marks: number[] = [];
  /** Declarations in scope (the arrays are not shortened: setting an array's length is a runtime call). */
  private size = 0;
  private readonly xmlNs: string;

  constructor(xmlNs: string) {
    this.xmlNs = xmlNs;
  }

  /** A declaration of the element being read: `xmlns` ('' prefix) or `xmlns:prefix`. */
  declare(prefix: string, uri: string): void {
    this.prefixes[this.size] = prefix;
    this.uris[this.size] = uri;
    this.size += 1;
  }

  /** The namespace bound to `prefix` ('' for the default), as xmldom's reader finds it: undefined when unbound. */
  uri(prefix: string): string | null | undefined {
    const prefixes = this.prefixes;
    for (let k = this.size - 1; k >= 0; k--) if (prefixes[k] === prefix) return this.uris[k];
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
    this.size = mark;
  }
}
