import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML file that can say where any field path sits in the text. */
export interface YamlSource {
  file: string;
  document: Document;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

export interface SyntaxProblem extends Position {
  message: string;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  // uniqueKeys stays on: a key written twice in one mapping is an error, not a silent overwrite.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { file, document, lineCounter };
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
