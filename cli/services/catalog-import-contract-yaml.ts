import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Text edits of a YAML file at the positions the `yaml` package's parser gives each node, so
 * everything the import does not own stays byte for byte as written: comments, folded text,
 * flow lists, quoting, blank lines. (Re-printing the whole Document would re-fold `notes`,
 * re-flow lists and drop the writer's line breaks.)
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The column of a source offset. */
export const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** Indents every line after the first by `column` spaces (the first starts where the edit starts). */
function indented(rendered: string, column: number): string {
  const pad = ' '.repeat(column);
  return rendered.replace(/\n(?=[^\n])/g, `\n${pad}`);
}

/** Fields of an operation or a message field: a map of only these fits on one line. */
const oneLineKeys = new Set([
  'name',
  'soapAction',
  'method',
  'path',
  'namespace',
  'type',
  'minOccurs',
  'maxOccurs',
  'choice',
  'enumeration',
  'base',
  'pattern',
  'length',
  'minLength',
  'maxLength',
]);

/**
 * How the catalogue writes what the import produces: an operation or field without nested
 * fields on one line as a flow map (`{ name: laes, soapAction: "…" }`), lists of values in
 * brackets, URIs and URNs in double quotes as people write them by hand.
 */
function styled(node: unknown): void {
  if (isSeq(node)) {
    if (node.items.every((i) => isScalar(i))) node.flow = true;
    for (const i of node.items) styled(i);
  } else if (isMap(node)) {
    const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    const nested = node.items.some(
      (p) => (isMap(p.value) || isSeq(p.value)) && !(isSeq(p.value) && p.value.items.every((i) => isScalar(i))),
    );
    if (!nested && keys.includes('name') && keys.every((k) => oneLineKeys.has(k))) node.flow = true;
    for (const p of node.items) {
      if (isScalar(p.value) && typeof p.value.value === 'string' && /^(\w+:\/\/|urn:)/.test(p.value.value))
        p.value.type = 'QUOTE_DOUBLE';
      styled(p.value);
    }
  }
}

/** `key: value` as the catalogue writes it, to stand at `column`; ends with a line break. */
export function renderPair(key: string, value: unknown, column: number): string {
  const doc = new Document({ [key]: value });
  styled((doc.contents as YAMLMap).items[0]!.value);
  return indented(doc.toString({ lineWidth: 0 }), column);
}

/** A list item (`- name: …`) as the catalogue writes it, its dash at `column`; ends with a line break. */
export function renderItem(value: unknown, column: number): string {
  const doc = new Document([value]);
  const item = (doc.contents as YAMLSeq).items[0];
  if (isMap(item)) for (const p of item.items) styled(p.value);
  return indented(doc.toString({ lineWidth: 0 }), column);
}

/** The pair of a map with this key. */
export const pairOf = (map: YAMLMap, key: string): Pair<Node, Node> | undefined =>
  map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;

/** Where a pair's text runs: from its key to the end of its value's last line. */
export function pairSpan(pair: Pair<Node, Node>): { start: number; end: number } {
  return { start: pair.key.range![0], end: pair.value?.range?.[2] ?? pair.key.range![2] };
}

/** The column of a block map's keys. */
export const keyColumn = (text: string, map: YAMLMap) => columnOf(text, map.range![0]);

/** The column of a block list's dashes. */
export function dashColumn(text: string, seq: YAMLSeq): number {
  const first = seq.items[0] as Node;
  const start = first.range![0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = text.lastIndexOf('-', start - 1);
  return dash >= lineStart ? dash - lineStart : columnOf(text, start);
}
