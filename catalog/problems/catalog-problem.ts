import { problemCodes, type ProblemCode, type ProblemName } from './problem-codes.ts';

/**
 * One thing wrong with the catalogue, as data. `file` is relative to the data directory and
 * uses forward slashes; `line` and `column` are 1-based; `path` is the field path inside the
 * file, e.g. `versions[0].services[1].serviceUuid`.
 */
export interface CatalogProblem {
  code: ProblemCode;
  name: ProblemName;
  severity: 'error' | 'warning';
  title: string;
  file: string;
  line?: number;
  column?: number;
  path?: string;
  message: string;
  fix: string;
}

/** What a check says about a problem; the code and title come from the table. */
export type ProblemDetails = Pick<CatalogProblem, 'file' | 'line' | 'column' | 'path' | 'message' | 'fix'> & {
  severity?: CatalogProblem['severity'];
};

/** Builds a problem of the named kind; the code and title come from the permanent table. */
export function catalogProblem(name: ProblemName, details: ProblemDetails): CatalogProblem {
  const { code, title } = problemCodes[name];
  const problem: CatalogProblem = {
    code,
    name,
    severity: details.severity ?? 'error',
    title,
    file: details.file,
    message: details.message,
    fix: details.fix,
  };
  if (details.line !== undefined) problem.line = details.line;
  if (details.column !== undefined) problem.column = details.column;
  if (details.path !== undefined && details.path !== '') problem.path = details.path;
  return problem;
}

/** Writes a field path the way people read it: `versions[0].services[1].serviceUuid`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Orders problems by file, then position, so output is stable and reads top to bottom. */
export function sortProblems(problems: CatalogProblem[]): CatalogProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** True when any problem is an error (warnings alone leave the catalogue valid). */
export function hasErrors(problems: readonly CatalogProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Problems grouped per file, files in order, for rendering. */
export function groupByFile(problems: readonly CatalogProblem[]): { file: string; problems: CatalogProblem[] }[] {
  const groups = new Map<string, CatalogProblem[]>();
  for (const problem of sortProblems([...problems])) {
    const list = groups.get(problem.file) ?? [];
    list.push(problem);
    groups.set(problem.file, list);
  }
  return [...groups].map(([file, list]) => ({ file, problems: list }));
}
