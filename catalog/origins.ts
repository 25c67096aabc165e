import { catalogProblem, formatPath, type CatalogProblem, type ProblemName } from './problems/index.ts';
import { positionAt, type YamlSource } from './yaml-source.ts';

export type FieldPath = (string | number)[];

/**
 * Where each loaded item came from: its file and its field path in that file. Cross-reference
 * checks run on the parsed items and use this to point at the exact line of a bad reference.
 */
export class Origins {
  private readonly map = new WeakMap<object, { source: YamlSource; path: FieldPath }>();

  record(item: object, source: YamlSource, path: FieldPath): void {
    this.map.set(item, { source, path });
  }

  /** Records a nested item (e.g. a use case inside a service area) relative to its parent. */
  recordChild(parent: object, child: object, subpath: FieldPath): void {
    const origin = this.map.get(parent);
    if (origin) this.map.set(child, { source: origin.source, path: [...origin.path, ...subpath] });
  }

  /** A problem about `item`, at `subpath` inside it (e.g. ['areas', 2]). */
  problem(
    name: ProblemName,
    item: object,
    subpath: FieldPath,
    message: string,
    fix: string,
    severity?: 'warning',
  ): CatalogProblem {
    const origin = this.map.get(item);
    if (!origin) return catalogProblem(name, { file: '(unknown)', message, fix });
    const path = [...origin.path, ...subpath];
    const { line, column } = positionAt(origin.source, path);
    return catalogProblem(name, {
      file: origin.source.file,
      line,
      column,
      path: formatPath(path),
      message,
      fix,
      ...(severity ? { severity } : {}),
    });
  }

  /** The file an item came from, relative to the data directory. */
  fileOf(item: object): string {
    return this.map.get(item)?.source.file ?? '(unknown)';
  }

  /** "file:line" of an item, for messages that point at a second place (e.g. the first of two duplicates). */
  where(item: object, subpath: FieldPath = []): string {
    const origin = this.map.get(item);
    if (!origin) return '(unknown)';
    const { line } = positionAt(origin.source, [...origin.path, ...subpath]);
    return `${origin.source.file}:${line}`;
  }
}
