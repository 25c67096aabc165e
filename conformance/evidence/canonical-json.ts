/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members left out
 * (as `JSON.stringify` does). Two parties that hold the same data produce the same bytes, so a
 * digest over it can be recomputed by anyone, offline, years later.
 *
 * Numbers must be finite; a NaN or Infinity has no JSON form and would make digests ambiguous.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which has no JSON form`);
  }
  if (Array.isArray(value)) {
    // Array holes and undefined entries become null, as in JSON.stringify.
    return `[${Array.from(value, (item, index) => (item === undefined ? 'null' : write(item, `${path}[${index}]`))).join(',')}]`;
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON(), path);
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}
