import { basename, isAbsolute, relative, sep } from 'node:path';

/**
 * A file path as the published site may show it: relative to the repository when the file is
 * inside it (".klarmeld/sheet.sqlite", what the reader would type), else only the file's name.
 * Never the build machine's own folders: the site is read by people who do not have them.
 */
export function shownPath(path: string, root: string): string {
  const inside = relative(root, path);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
  return basename(path);
}
