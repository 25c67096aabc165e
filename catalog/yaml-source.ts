import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

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
    const { line, col } = source.lineCounter.linePos(error.pos[0]);
    return { line, column: col, message: error.message.split('\n')[0] ?? error.message };
  });
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
