/**
 * The frame of every page of the web front: language, skip link, one navigation per role, the
 * signed-in identity with a sign-out form, and a notice (role=status, or role=alert for a
 * problem). Text goes through `html` escaping; only the page modules pass markup.
 */
import type { Identity } from '../store/server-store.ts';
import { word, type WebLocale } from './web-words.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML content and quoted attributes. */
export const esc = (text: unknown): string => String(text ?? '').replace(/[&<>"']/g, (c) => entities[c]!);

/** The URL of a path of the front in a locale: Danish at the root, English under /en. */
export const href = (locale: WebLocale, path: string): string =>
  locale === 'da' ? path : `/en${path === '/' ? '/' : path}`;

export interface PageContext {
  locale: WebLocale;
  /** The path without the locale prefix, e.g. `/matrix`. */
  path: string;
  who?: Identity;
  /** The CSRF token the page's forms carry (signed in only). */
  csrf?: string;
}

export interface Notice {
  kind: 'done' | 'problem';
  text: string;
  /** The text's language when it is not the page's (the API's messages are English). */
  lang?: WebLocale;
}

/** A wide table in a region of its own that scrolls sideways on a phone; focusable, so the keyboard scrolls it too. */
export const scrollRegion = (label: string, table: string): string =>
  `<div class="km-scroll" tabindex="0" role="region" aria-label="${esc(label)}">${table}</div>`;

/** A hidden CSRF field for a form of this page. */
export const csrfField = (ctx: PageContext): string => `<input type="hidden" name="_csrf" value="${esc(ctx.csrf)}">`;

function navigation(ctx: PageContext): string {
  const role = ctx.who?.role;
  const items: [string, Parameters<typeof word>[1]][] = [['/', 'home']];
  if (role) items.push(['/matrix', 'matrix'], ['/programme', 'programme'], ['/systems', 'systems']);
  if (role === 'supplier') items.push(['/runs', 'runs']);
  if (role === 'kombit') items.push(['/keys', 'keys']);
  const links = items
    .map(
      ([path, key]) =>
        `<li><a href="${href(ctx.locale, path)}"${path === ctx.path ? ' aria-current="page"' : ''}>${esc(word(ctx.locale, key))}</a></li>`,
    )
    .join('');
  return `<nav aria-label="${esc(word(ctx.locale, 'nav'))}"><ul>${links}</ul></nav>`;
}

function account(ctx: PageContext): string {
  const other: WebLocale = ctx.locale === 'da' ? 'en' : 'da';
  const language = `<a href="${href(other, ctx.path)}" lang="${other}" hreflang="${other}">${esc(word(ctx.locale, 'language'))}</a>`;
  if (!ctx.who) return `<div class="km-account">${language}</div>`;
  return (
    `<div class="km-account">${language}<span>${esc(word(ctx.locale, 'signedInAs'))} <strong>${esc(ctx.who.name)}</strong> (${esc(ctx.who.role)})</span>` +
    `<form method="post" action="${href(ctx.locale, '/sign-out')}">${csrfField(ctx)}<button type="submit">${esc(word(ctx.locale, 'signOut'))}</button></form></div>`
  );
}

/** A whole HTML document. */
export function page(ctx: PageContext, title: string, body: string, notice?: Notice): string {
  const shown = notice
    ? `<p class="km-notice km-${notice.kind}" role="${notice.kind === 'problem' ? 'alert' : 'status'}">${notice.kind === 'problem' ? `<strong>${esc(word(ctx.locale, 'problem'))}:</strong> ` : ''}${notice.lang && notice.lang !== ctx.locale ? `<span lang="${notice.lang}">${esc(notice.text)}</span>` : esc(notice.text)}</p>`
    : '';
  return `<!doctype html>
<html lang="${ctx.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(word(ctx.locale, 'title'))}</title><link rel="stylesheet" href="/web.css"></head>
<body><a class="km-skip" href="#main">${esc(word(ctx.locale, 'skip'))}</a>
<header><p class="km-brand"><a href="${href(ctx.locale, '/')}">klarmeld</a></p>${navigation(ctx)}${account(ctx)}</header>
<main id="main" tabindex="-1"><h1>${esc(title)}</h1>${shown}${body}</main>
</body></html>`;
}
