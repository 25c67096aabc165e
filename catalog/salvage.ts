import type { z } from 'zod';

/**
 * Makes a best-effort copy of data that failed validation, with the offending fields removed,
 * so the cross-reference checks can still look at the rest of it. A file with one wrong field
 * is then still checked for dangling references, duplicates and ordering, and every problem is
 * reported in one run. Returns undefined when removing fields is not enough (e.g. a required
 * field is missing). The result is never put in the catalogue: it is only checked.
 */
export function salvage(schema: z.ZodType, raw: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  let data = structuredClone(raw);
  let current = issues;
  for (let round = 0; round < 3; round++) {
    for (const issue of current) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) remove(data, [...path, key]);
      else if (path.length > 0) remove(data, path);
      else return undefined;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    current = parsed.error.issues;
    data = structuredClone(data);
  }
  return undefined;
}

function remove(data: unknown, path: readonly (string | number)[]): void {
  // An invalid item of a list is never spliced out (later items would change index, and so
  // their reported position): the whole list field goes instead, and its default applies.
  const target = [...path];
  while (typeof target[target.length - 1] === 'number') target.pop();
  let parent = data;
  for (const step of target.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  if (target.length === 0 || parent === null || typeof parent !== 'object' || Array.isArray(parent)) return;
  delete (parent as Record<string, unknown>)[target[target.length - 1] as string];
}
