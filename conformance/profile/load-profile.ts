import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { profile as profileSchema, type Profile } from './schema.ts';
import { ProfileError, type ProfileProblem } from './problem.ts';

/** A validated profile and where it came from (relative paths in it are resolved from `dir`). */
export interface LoadedProfile {
  file: string;
  dir: string;
  profile: Profile;
}

/**
 * Reads and validates a `klarmeld.yaml`. Throws a ProfileError listing every problem with
 * its file, line and field.
 */
export async function loadProfile(file: string): Promise<LoadedProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ProfileError([
      {
        code: 'profile-not-found',
        file,
        message: 'There is no profile at this path. Create klarmeld.yaml (see examples/reference-system/klarmeld.yaml) or pass --profile FILE',
      },
    ]);
  }
  return { file, dir: dirname(resolve(file)), profile: parseProfile(text, file) };
}

/** Validates profile text; `file` is only used in the messages. */
export function parseProfile(text: string, file: string): Profile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ProfileError(
      document.errors.map((error) => ({
        code: 'profile-yaml',
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `The file is not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const result = profileSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  throw new ProfileError(
    result.error.issues.map((issue): ProfileProblem => ({
      code: 'profile-invalid',
      file,
      line: lineOf(document, lineCounter, issue.path as (string | number)[]),
      field: issue.path.join('.') || undefined,
      message: issue.message,
    })),
  );
}

/** The line of the deepest node on `path` that exists (a missing key points at its parent). */
function lineOf(document: Document, lineCounter: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

/** Replaces `${NAME}` in every string of the profile with `vars[NAME]`, then the environment. */
export function interpolate<T>(value: T, vars: Record<string, string | undefined>): T {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => vars[name] ?? whole) as T;
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, vars)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, vars)])) as T;
  }
  return value;
}

/** A path from the profile, made absolute against the profile's directory. */
export function profilePath(loaded: LoadedProfile, path: string): string {
  return isAbsolute(path) ? path : resolve(loaded.dir, path);
}
