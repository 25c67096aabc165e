/**
 * The front's pages for a signed-in caller, each read through the API's routes (so each role
 * sees what the API shows it): home, matrix, programme, systems, one system's report, keys, runs.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { CallApi } from './web-api.ts';
import { keysBody, runsBody } from './web-keys-runs.ts';
import { matrixBody } from './web-matrix.ts';
import { esc, type PageContext } from './web-page.ts';
import { programmeBody } from './web-programme.ts';
import { reportBody, systemsBody } from './web-report.ts';
import { waitingAgreements, waitingBody } from './web-waiting.ts';
import { word } from './web-words.ts';

export interface View {
  title: string;
  body: string;
}

/** The view at `ctx.path`, or undefined when there is none. API refusals (403, 404) are thrown as ApiError. */
export async function viewOf(
  ctx: PageContext,
  catalog: Catalog,
  call: CallApi,
  query: URLSearchParams = new URLSearchParams(),
): Promise<View | undefined> {
  const who = ctx.who!;
  const w = (key: Parameters<typeof word>[1]) => word(ctx.locale, key);
  const report = /^\/systems\/([^/]+)$/.exec(ctx.path);
  if (report) {
    const id = decodeURIComponent(report[1]!);
    const { report: r } = await call(who, 'GET', `/api/systems/${encodeURIComponent(id)}/report`);
    const { decisions } = await call(who, 'GET', '/api/agreements');
    return {
      title: `${r.system.name}: ${ctx.locale === 'da' ? 'tilslutningsrapport' : 'connection report'}`,
      body: reportBody(ctx, catalog, r, decisions),
    };
  }
  switch (ctx.path) {
    case '/': {
      const { mayDo } = await call(who, 'GET', '/api/whoami');
      const cvr = catalog.municipalities.find((m) => m.code === who.municipalityCode)?.cvr;
      const waiting =
        who.role === 'municipality' && cvr
          ? waitingBody(ctx, waitingAgreements(catalog, cvr, (await call(who, 'GET', '/api/agreements')).decisions))
          : '';
      return {
        title: w('title'),
        body: `<p>${esc(w('signedInAs'))} <strong>${esc(who.name)}</strong>.</p><h2>${esc(w('mayDo'))}</h2><p${ctx.locale === 'en' ? '' : ' lang="en"'}>${esc(mayDo)}</p>${waiting}`,
      };
    }
    case '/matrix':
      return { title: w('matrix'), body: matrixBody(ctx, catalog, await call(who, 'GET', '/api/matrix'), query) };
    case '/programme':
      return { title: w('programme'), body: programmeBody(ctx, (await call(who, 'GET', '/api/programme')).overview) };
    case '/systems': {
      const { rows } = await call(who, 'GET', '/api/matrix');
      return {
        title: w('systems'),
        body: systemsBody(
          ctx,
          catalog,
          rows.map((r: { system: string }) => r.system),
        ),
      };
    }
    case '/keys':
      return { title: w('keys'), body: keysBody(ctx, (await call(who, 'GET', '/api/trusted-keys')).keys) };
    case '/runs':
      return {
        title: w('runs'),
        body: runsBody(
          ctx,
          (await call(who, 'GET', '/api/systems')).systems,
          (await call(who, 'GET', '/api/runs')).runs,
        ),
      };
    default:
      return undefined;
  }
}
