/** A problem with a profile: permanent code, where it is, and what to do. */
export interface ProfileProblem {
  code:
    | 'profile-not-found'
    | 'profile-yaml'
    | 'profile-invalid'
    | 'profile-file-missing'
    | 'integration-not-required'
    | 'profile-not-in-catalogue'
    | 'profile-catalogue-mismatch';
  message: string;
  file: string;
  line?: number;
  field?: string;
}

/** Thrown when a profile cannot be used; carries every problem found, not just the first. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  readonly problems: ProfileProblem[];

  constructor(problems: ProfileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

/** `file:line: field: message`, the way compilers and the catalogue checker print it. */
export function formatProblem(problem: ProfileProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where}: ${field}${problem.message}`;
}
