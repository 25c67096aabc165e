import type { HttpRoute, PlatformModule, ServiceHandler } from '../service-handler.ts';
import { sharedPath } from './shared-path.ts';

const normalise = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/** Finds the SOAP handler or HTTP route of a request. Paths match exactly (trailing slash ignored); a route path ending in `*` is a prefix. */
export class Router {
  private readonly soap = new Map<string, ServiceHandler>();
  private readonly exact = new Map<string, HttpRoute>();
  private readonly prefixes: HttpRoute[] = [];

  constructor(modules: readonly PlatformModule[]) {
    // Fallback modules last: a path no other module serves, or the operations its handler does not implement.
    for (const m of modules.filter((x) => !x.fallback))
      for (const h of m.handlers ?? []) this.soap.set(normalise(h.path), h);
    for (const m of modules.filter((x) => x.fallback)) {
      for (const h of m.handlers ?? []) {
        const taken = this.soap.get(normalise(h.path));
        if (!taken) this.soap.set(normalise(h.path), h);
        else {
          const shared = sharedPath(taken, h);
          if (shared) this.soap.set(normalise(h.path), shared);
        }
      }
    }
    for (const m of modules) {
      for (const r of m.routes ?? []) {
        if (r.path.endsWith('*')) this.prefixes.push(r);
        else this.exact.set(`${r.method} ${normalise(r.path)}`, r);
      }
    }
  }

  soapHandler(path: string): ServiceHandler | undefined {
    return this.soap.get(normalise(path));
  }

  route(method: string, path: string): HttpRoute | undefined {
    const p = normalise(path);
    return (
      this.exact.get(`${method} ${p}`) ??
      this.prefixes.find((r) => r.method === method && p.startsWith(r.path.slice(0, -1)))
    );
  }

  /** True when some route or handler exists for the path with another method (→ 405 rather than 404). */
  knowsPath(path: string): boolean {
    const p = normalise(path);
    if (this.soap.has(p)) return true;
    for (const key of this.exact.keys()) if (key.slice(key.indexOf(' ') + 1) === p) return true;
    return this.prefixes.some((r) => p.startsWith(r.path.slice(0, -1)));
  }

  handlers(): ServiceHandler[] {
    return [...this.soap.values()];
  }
}
