import { Agent, request } from 'undici';
import type { SuiteEnvironment } from '../shared/environment.ts';
import { observe } from '../shared/world.ts';

/** One page as the runner's browser got it: what a check reads of it. */
export interface Page {
  url: string;
  status: number;
  location?: string;
  contentType?: string;
  body: string;
}

/**
 * The user's browser, played by the runner: no client certificate, the platform CA trusted (the
 * embedded Context Handler's HTTPS; the system's own pages may be http on 127.0.0.1), cookies kept
 * per origin, redirects followed on request. Every request is taped (`observe`), so `klarmeld
 * verify` replays what the browser saw.
 */
export function browserFor(env: SuiteEnvironment) {
  const agent = new Agent({ connect: { ca: env.caPem } });
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: string) => {
    const cookies = jar.get(new URL(url).origin);
    return cookies && cookies.size > 0 ? [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  };
  const keep = (url: string, setCookie: string[]) => {
    const origin = new URL(url).origin;
    const cookies = jar.get(origin) ?? new Map<string, string>();
    jar.set(origin, cookies);
    for (const line of setCookie) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) cookies.delete(pair.slice(0, at).trim());
      else cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };
  async function go(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<Page> {
    const cookie = cookieHeader(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const seen = await observe(
      env,
      'browser',
      { method, url, ...(body && { body }), ...(cookie && { cookie }) },
      async () => {
        const res = await request(url, {
          method,
          dispatcher: agent,
          headers: {
            ...(cookie && { cookie }),
            ...(body && { 'content-type': 'application/x-www-form-urlencoded' }),
          },
          ...(body && { body }),
        });
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? v : v === undefined ? [] : [String(v)];
        };
        return {
          status: res.statusCode,
          location: header('location')[0],
          contentType: header('content-type')[0],
          setCookie: header('set-cookie'),
          body: await res.body.text(),
        };
      },
    );
    keep(url, seen.setCookie);
    return {
      url,
      status: seen.status,
      ...(seen.location && { location: new URL(seen.location, url).href }),
      ...(seen.contentType && { contentType: seen.contentType }),
      body: seen.body,
    };
  }
  return {
    get: (url: string) => go('GET', url),
    post: (url: string, form: Record<string, string>) => go('POST', url, form),
    /** Follows redirects (at most five) from a page, as a browser does. */
    async follow(page: Page): Promise<Page> {
      let current = page;
      for (let hops = 0; current.location && current.status >= 300 && current.status < 400 && hops < 5; hops++)
        current = await go('GET', current.location);
      return current;
    },
    close: () => agent.close(),
  };
}

export type Browser = ReturnType<typeof browserFor>;
