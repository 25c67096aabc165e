/**
 * Turns an XSD pattern facet into a JavaScript RegExp. XSD patterns are implicitly anchored and
 * have a few escapes JavaScript lacks (\i, \c for XML name characters). Returns undefined when the
 * pattern uses a construct JavaScript cannot express (e.g. class subtraction), so the caller can
 * skip that facet instead of rejecting valid input.
 */
export function compileXsdPattern(pattern: string): RegExp | undefined {
  const translated = pattern
    .replace(/\\i/g, '[A-Za-z_:]')
    .replace(/\\I/g, '[^A-Za-z_:]')
    .replace(/\\c/g, '[-.0-9A-Za-z_:\\u00B7]')
    .replace(/\\C/g, '[^-.0-9A-Za-z_:\\u00B7]');
  // Class subtraction ([a-z-[aeiou]]) has no JavaScript equivalent.
  if (/\[[^\]]*-\[/.test(translated)) return undefined;
  const source = `^(?:${translated})$`;
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch {
      return undefined;
    }
  }
}
