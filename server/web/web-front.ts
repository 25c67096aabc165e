/**
 * The web front (issue 13 item 4): HTML at / (Danish) and /en/ (English), served by the same
 * HTTP server as the API. Sign-in takes the API token once and answers with a session cookie
 * (web-session.ts); every form carries the session's CSRF token, and a POST from another origin is
 * refused. Pages and forms go through the API's routes (web-api.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalog } from '../../catalog/index.ts';
import { ApiError } from '../api/api-error.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { Identity, ServerStore } from '../store/server-store.ts';
import { hashToken } from '../tokens.ts';
import { apiCaller } from './web-api.ts';
import { webActions } from './web-actions.ts';
import { webCss } from './web-css.ts';
import { readForm } from './web-form.ts';
import { esc, href, page, type Notice, type PageContext } from './web-page.ts';
import {
  cookieValue,
  csrfMatches,
  csrfToken,
  openSession,
  sealSession,
  sessionClearCookie,
  sessionCookie,
  sessionKeys,
  sessionSetCookie,
  type SessionKeys,
} from './web-session.ts';
import { viewOf } from './web-views.ts';
import { word, type WebLocale } from './web-words.ts';

export interface WebFrontOptions {
  store: ServerStore;
  catalog: Catalog;
  routes: readonly ApiRoute[];
  clock?: () => Date;
}

const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

type Answer = { status: number; html?: string; location?: string; cookie?: string; css?: string };

export function webFront(options: WebFrontOptions): (req: IncomingMessage, res: ServerResponse) => void {
  // Read from the database at the first request: every instance on it signs sessions alike.
  let keysOnce: Promise<SessionKeys> | undefined;
  const clock = options.clock ?? (() => new Date());
  const call = apiCaller(options.routes);
  const css = webCss(options.catalog);

  const signInPage = (ctx: PageContext, notice?: Notice) =>
    page(
      ctx,
      word(ctx.locale, 'signIn'),
      `<form class="km-form" method="post" action="${href(ctx.locale, '/sign-in')}"><label for="token">${esc(word(ctx.locale, 'token'))}<input id="token" name="token" type="password" autocomplete="current-password" required aria-describedby="token-help"></label>
<p id="token-help" class="km-muted">${esc(word(ctx.locale, 'tokenHelp'))}</p><button type="submit">${esc(word(ctx.locale, 'signIn'))}</button></form>`,
      notice,
    );

  async function answer(req: IncomingMessage): Promise<Answer> {
    keysOnce ??= options.store.sharedSecret('web-session').then(sessionKeys);
    const keys = await keysOnce.catch((error: unknown) => {
      keysOnce = undefined;
      throw error;
    });
    const url = new URL(req.url ?? '/', 'http://front');
    if (url.pathname === '/web.css') return { status: 200, css };
    const locale: WebLocale = url.pathname === '/en' || url.pathname.startsWith('/en/') ? 'en' : 'da';
    const path = (locale === 'en' ? url.pathname.slice(3) : url.pathname) || '/';
    const secure = req.headers['x-forwarded-proto'] === 'https';
    const session = cookieValue(req.headers.cookie, sessionCookie);
    const tokenHash = openSession(keys, session, clock());
    const who: Identity | undefined = tokenHash ? await options.store.identityByTokenHash(tokenHash) : undefined;
    const ctx: PageContext = { locale, path, ...(who && session ? { who, csrf: csrfToken(keys, session) } : {}) };
    const problem = (status: number, text: string, title = word(locale, 'problem'), lang?: WebLocale): Answer => ({
      status,
      html: page(ctx, title, '', { kind: 'problem', text, ...(lang ? { lang } : {}) }),
    });
    // The API's messages are English: the page says so to a screen reader on the Danish front.
    const refused = (error: ApiError, title: string) => problem(error.status, error.message, title, 'en');

    if (req.method === 'POST') {
      // A form from another site's page: refused before anything is read (the sign-in form included).
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `${secure ? 'https' : 'http'}://${req.headers.host}`)
        return problem(403, word(locale, 'csrf'));
      const form = await readForm(req);
      if (path === '/sign-in') {
        const found = form.token ? await options.store.identityByTokenHash(hashToken(form.token.trim())) : undefined;
        if (!found) return { status: 401, html: signInPage(ctx, { kind: 'problem', text: word(locale, 'badToken') }) };
        return {
          status: 303,
          location: href(locale, '/'),
          cookie: sessionSetCookie(sealSession(keys, hashToken(form.token!.trim()), clock()), secure),
        };
      }
      if (!who || !session)
        return { status: 401, html: signInPage(ctx, { kind: 'problem', text: word(locale, 'sessionEnded') }) };
      if (!csrfMatches(keys, session, form._csrf)) return problem(403, word(locale, 'csrf'));
      if (path === '/sign-out') return { status: 303, location: href(locale, '/'), cookie: sessionClearCookie(secure) };
      const name = /^\/actions\/([a-z-]+)$/.exec(path)?.[1] ?? '';
      // Own keys only: "/actions/constructor" must not find Object's.
      const action = Object.hasOwn(webActions, name) ? webActions[name] : undefined;
      if (!action) return problem(404, word(locale, 'notFound'));
      const body = Object.fromEntries(action.fields.filter((f) => form[f] !== undefined).map((f) => [f, form[f]]));
      try {
        await call(who, 'POST', action.api, body);
      } catch (error) {
        if (error instanceof ApiError)
          return refused(error, word(locale, error.status === 403 ? 'forbidden' : 'problem'));
        throw error;
      }
      return { status: 303, location: `${href(locale, action.back(form))}?saved=1` };
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return problem(405, `${word(locale, 'method')} (${req.method}).`);
    if (!who)
      return path === '/' ? { status: 200, html: signInPage(ctx) } : { status: 303, location: href(locale, '/') };
    try {
      const view = await viewOf(ctx, options.catalog, call, url.searchParams);
      if (!view) return problem(404, word(locale, 'notFound'), word(locale, 'notFound'));
      return {
        status: 200,
        html: page(
          ctx,
          view.title,
          view.body,
          url.searchParams.has('saved') ? { kind: 'done', text: word(locale, 'done') } : undefined,
        ),
      };
    } catch (error) {
      if (error instanceof ApiError)
        return refused(error, word(locale, error.status === 403 ? 'forbidden' : 'notFound'));
      throw error;
    }
  }

  return (req, res) => {
    answer(req).then(
      (a) => send(res, a),
      (error: unknown) => {
        const text =
          error instanceof ApiError
            ? error.message
            : `The server failed: ${(error as Error)?.message ?? String(error)}. It is still running; tell KOMBIT what you did.`;
        send(res, {
          status: error instanceof ApiError ? error.status : 500,
          html: `<!doctype html><html lang="en"><title>klarmeld</title><p role="alert">${esc(text)}</p></html>`,
        });
      },
    );
  };
}

function send(res: ServerResponse, a: Answer): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...securityHeaders };
  if (a.cookie) headers['set-cookie'] = a.cookie;
  if (a.location) headers.location = a.location;
  const text = a.css ?? a.html ?? '';
  headers['content-type'] = a.css !== undefined ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8';
  res.writeHead(a.status, headers);
  res.end(text);
}
