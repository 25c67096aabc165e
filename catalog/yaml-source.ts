import jsYaml from 'js-yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { yamlLibrary } from './yaml-library.ts';

/**
 * One data file's text, parsed two ways. `data` comes from js-yaml, which is about ten times
 * faster and enough for a file without mistakes. The `yaml` package's Document (with a
 * LineCounter) is built only when a position is needed or js-yaml rejects the file: it gives
 * every syntax error, not just the first, and the line and column of any field path.
 */
export class YamlSource {
  readonly file: string;
  readonly text: string;
  private parsed?: { document: Document; lineCounter: LineCounter };

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  get document(): Document {
    return this.full().document;
  }

  get lineCounter(): LineCounter {
    return this.full().lineCounter;
  }

  private full() {
    if (!this.parsed) {
      const { LineCounter, parseDocument } = yamlLibrary();
      const lineCounter = new LineCounter();
      // uniqueKeys stays on: a key written twice in one mapping is an error, not a silent overwrite.
      const document = parseDocument(this.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      this.parsed = { document, lineCounter };
    }
    return this.parsed;
  }

  /**
   * The file's data and its syntax errors. js-yaml's core schema matches YAML 1.2 core as the
   * `yaml` package reads it (dates stay text, no merge keys); anything js-yaml refuses
   * (including duplicate keys) is read again by `yaml`, which reports every error it finds.
   */
  read(): { data: unknown; syntax: SyntaxProblem[] } {
    try {
      return { data: jsYaml.load(this.text, { schema: jsYaml.CORE_SCHEMA, filename: this.file }), syntax: [] };
    } catch {
      return { data: this.document.toJS(), syntax: syntaxProblems(this) };
    }
  }
}

export interface Position {
  line: number;
  column: number;
}

export interface SyntaxProblem extends Position {
  message: string;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  return new YamlSource(file, text);
}

/** Every syntax error of the file with its position (the yaml parser keeps going after the first). */
export function syntaxProblems(source: YamlSource): SyntaxProblem[] {
  return source.document.errors.map((error) => {
    const noticed = source.lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    const opener = openerNamedBy(message);
    const start = opener && unclosedEndingAt(source, error.pos[0], opener);
    if (start === undefined) return { line: noticed.line, column: noticed.col, message };
    const { line, col } = source.lineCounter.linePos(start);
    const until =
      source.text.slice(error.pos[0]).trim() === ''
        ? ' before the end of the file'
        : noticed.line > line
          ? ` before line ${noticed.line}`
          : '';
    return { line, column: col, message: `${message}: the ${opener} on line ${line} is not closed${until}.` };
  });
}

/** The bracket or quote an "unclosed" error of the yaml parser is about, if it is one. */
function openerNamedBy(message: string): Opener | undefined {
  if (message.startsWith('Flow sequence')) return '[';
  if (message.startsWith('Flow map')) return '{';
  if (message.startsWith('Missing closing "')) return '"';
  if (message.startsWith("Missing closing '")) return "'";
  return undefined;
}

type Opener = '[' | '{' | '"' | "'";
const closers: Record<Opener, string> = { '[': ']', '{': '}', '"': '"', "'": "'" };

/**
 * The parser notices an unclosed [ { " or ' only where it runs into the next line (or the end of
 * the file), one or more lines after the mistake, and reports that position. The node it left
 * open ends exactly there, and its start is the line the reader has to correct. Of nested open
 * nodes of the same kind the innermost wins (visit goes depth first).
 */
function unclosedEndingAt(source: YamlSource, offset: number, wanted: Opener): number | undefined {
  let found: number | undefined;
  const { isCollection, isScalar, isSeq, visit } = yamlLibrary();
  visit(source.document, {
    Node(_key, node) {
      const range = node.range;
      if (!range || range[0] >= offset || (range[1] !== offset && range[2] !== offset)) return;
      const opener =
        isCollection(node) && node.flow
          ? isSeq(node)
            ? '['
            : '{'
          : isScalar(node) && node.type === 'QUOTE_DOUBLE'
            ? '"'
            : isScalar(node) && node.type === 'QUOTE_SINGLE'
              ? "'"
              : undefined;
      if (opener !== wanted) return;
      const closed = source.text
        .slice(range[0] + 1, range[1])
        .trimEnd()
        .endsWith(closers[opener]);
      if (!closed) found = range[0];
    },
  });
  return found;
}

function positionOf(source: YamlSource, node: unknown): Position | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  const { line, col } = source.lineCounter.linePos(range[0]);
  return { line, column: col };
}

/**
 * The position of a field path. When `key` is true and the last step names a map key, the
 * key's position is returned (where a reader looks for an unknown or misspelt field). When the
 * path leaves the document (a missing field), the deepest existing node's position is returned.
 */
export function positionAt(source: YamlSource, path: readonly PropertyKey[], key = false): Position {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = source.document.contents;
  let best = positionOf(source, node) ?? { line: 1, column: 1 };
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === step);
      if (!pair) break;
      if (key && i === path.length - 1) return positionOf(source, pair.key) ?? best;
      node = pair.value;
      best = positionOf(source, node) ?? positionOf(source, pair.key) ?? best;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      node = item;
      best = positionOf(source, item as Node) ?? best;
    } else break;
  }
  return best;
}
