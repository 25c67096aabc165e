/**
 * An operation's place on the platform: the route path the router takes (exact, or a prefix ending
 * in `*` up to the first `{parameter}`), and the matcher that reads the path parameters of a request.
 */
export function operationPath(servicePath: string, operationPath: string) {
  const full = `${servicePath}${operationPath}`;
  const at = full.indexOf('{');
  const names: string[] = [];
  const pattern = full
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const re = new RegExp(`^${pattern}/?$`);
  return {
    route: at < 0 ? full : `${full.slice(0, at)}*`,
    full,
    /** The path parameters by name (decoded), or undefined when the path is not this operation's. */
    match(path: string): Record<string, string> | undefined {
      const m = re.exec(path);
      if (!m) return undefined;
      try {
        return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      } catch {
        return undefined;
      }
    },
  };
}
