import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseYamlSource, positionAt } from '../../catalog/index.ts';
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
        message:
          'There is no profile at this path. Write one with "klarmeld init" (it describes your system and how to start and trigger it), or pass --profile FILE',
      },
    ]);
  }
  return { file, dir: dirname(resolve(file)), profile: parseProfile(text, file) };
}

/** Validates profile text; `file` is only used in the messages. */
export function parseProfile(text: string, file: string): Profile {
  const source = parseYamlSource(file, text);
  // read() takes js-yaml's fast path and builds the yaml package's document only for a mistake,
  // so a start with a good profile does not load that package (issue 15).
  const { data, syntax } = source.read();
  if (syntax.length > 0) {
    throw new ProfileError(
      syntax.map((problem) => ({
        code: 'profile-yaml',
        file,
        line: problem.line,
        message: `The file is not valid YAML: ${problem.message}`,
      })),
    );
  }
  const result = profileSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  throw new ProfileError(
    result.error.issues.map((issue): ProfileProblem => ({
      code: 'profile-invalid',
      file,
      line: positionAt(source, issue.path, issue.code === 'unrecognized_keys').line,
      field: issue.path.join('.') || undefined,
      message: issue.message,
    })),
  );
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
