/**
 * A suite's requirements.yaml: what an it-system must do for one integration, each statement
 * with an id, a level and its source. Validated with zod; every problem is reported with the
 * file and line, using the catalogue's YAML position helper.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseYamlSource, positionAt } from '../../catalog/index.ts';
import { requirementLevels } from './results.ts';

export const requirement = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Z0-9_]+-[A-Z0-9][A-Z0-9-]*$/, { message: 'Write the id as <INTEGRATION>-<label>, e.g. SF1520-R03' }),
  level: z.enum(requirementLevels, { message: 'The level is SHALL, SHOULD or MAY' }),
  text: z.string().min(1),
  /** The same statement in Danish, for the Danish site (the site is Danish first; `text` is English). */
  textDa: z.string().min(1).optional(),
  source: z.string().min(1, { message: 'Name where the requirement comes from (a public document, a contract file)' }),
  /**
   * The source as the Danish site cites it: the same documents, with any words around them in
   * Danish. Optional like `textDa`, so run documents written before it still read; `klarmeld
   * verify` compares only ids and levels, so a source may be reworded or translated.
   */
  sourceDa: z.string().min(1).optional(),
});

export const requirementsFile = z.strictObject({
  integration: z.string().min(1),
  requirements: z.array(requirement).min(1),
});

export type Requirement = z.infer<typeof requirement>;
export type RequirementsFile = z.infer<typeof requirementsFile>;

export interface RequirementsProblem {
  code: 'requirements-not-found' | 'requirements-yaml' | 'requirements-invalid' | 'requirements-duplicate-id';
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** Thrown when a requirements file cannot be used; carries every problem, not just the first. */
export class RequirementsError extends Error {
  override name = 'RequirementsError';
  readonly problems: RequirementsProblem[];

  constructor(problems: RequirementsProblem[]) {
    super(
      problems
        .map((p) => `${p.line ? `${p.file}:${p.line}` : p.file}: ${p.field ? `${p.field}: ` : ''}${p.message}`)
        .join('\n'),
    );
    this.problems = problems;
  }
}

/** Reads and validates a requirements.yaml (path or file URL). Throws a RequirementsError. */
export async function loadRequirements(location: string | URL): Promise<RequirementsFile> {
  const file = typeof location === 'string' ? location : fileURLToPath(location);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new RequirementsError([
      {
        code: 'requirements-not-found',
        file,
        message: 'There is no requirements file here. Each suite keeps its requirements.yaml beside its tests',
      },
    ]);
  }
  return parseRequirements(text, file);
}

/**
 * The requirements of a suite: those it carries (a suite generated from catalogue data, already
 * checked by `checkGeneratedRequirements`), else its requirements.yaml.
 */
export async function suiteRequirements(suite: {
  requirementsFile: string | URL;
  requirements?: RequirementsFile;
}): Promise<RequirementsFile> {
  return suite.requirements ?? loadRequirements(suite.requirementsFile);
}

/**
 * Checks requirements made by code (a generic suite's, from catalogue data) by the same rules as a
 * requirements.yaml: the same schema and unique ids. Throws a RequirementsError naming `origin`.
 */
export function checkGeneratedRequirements(value: unknown, origin: string): RequirementsFile {
  const result = requirementsFile.safeParse(value);
  if (!result.success) {
    throw new RequirementsError(
      result.error.issues.map((issue) => ({
        code: 'requirements-invalid' as const,
        file: origin,
        field: issue.path.join('.') || undefined,
        message: issue.message,
      })),
    );
  }
  const seen = new Set<string>();
  const duplicates = result.data.requirements.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false)));
  if (duplicates.length > 0) {
    throw new RequirementsError(
      duplicates.map((r) => ({
        code: 'requirements-duplicate-id' as const,
        file: origin,
        message: `${r.id} is generated twice; each requirement needs its own id`,
      })),
    );
  }
  return result.data;
}

/** Validates requirements text; `file` is only used in the messages. */
export function parseRequirements(text: string, file: string): RequirementsFile {
  const source = parseYamlSource(file, text);
  // read() takes js-yaml's fast path and builds the yaml package's document only for a mistake
  // (issue 15: a run then does not load that package).
  const { data, syntax } = source.read();
  if (syntax.length > 0) {
    throw new RequirementsError(
      syntax.map((p) => ({
        code: 'requirements-yaml',
        file,
        line: p.line,
        message: `The file is not valid YAML: ${p.message}`,
      })),
    );
  }
  const result = requirementsFile.safeParse(data ?? {});
  if (!result.success) {
    throw new RequirementsError(
      result.error.issues.map((issue) => {
        // For an unknown field, point at the field itself, not at the object holding it.
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
        return {
          code: 'requirements-invalid' as const,
          file,
          line: positionAt(source, path, issue.code === 'unrecognized_keys').line,
          field: issue.path.join('.') || undefined,
          message: issue.message,
        };
      }),
    );
  }
  const firstIndex = new Map<string, number>();
  const duplicates: RequirementsProblem[] = [];
  result.data.requirements.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, index);
    else {
      duplicates.push({
        code: 'requirements-duplicate-id',
        file,
        line: positionAt(source, ['requirements', index, 'id']).line,
        field: `requirements.${index}.id`,
        message: `${item.id} is already used at line ${positionAt(source, ['requirements', first, 'id']).line}; give each requirement its own id`,
      });
    }
  });
  if (duplicates.length > 0) throw new RequirementsError(duplicates);
  return result.data;
}
