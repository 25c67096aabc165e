/**
 * KOMBIT's trusted platform keys with the form to trust one (GET/POST /api/trusted-keys), and a
 * supplier's own registered systems and runs (GET /api/systems, GET /api/runs).
 */
import type { TrustedPlatformKey } from '../../conformance/onboarding/index.ts';
import type { RegisteredSystem, ServerRun } from '../store/server-store.ts';
import { csrfField, esc, href, scrollRegion, type PageContext } from './web-page.ts';
import { word } from './web-words.ts';

export function keysBody(ctx: PageContext, keys: readonly TrustedPlatformKey[]): string {
  const w = (key: Parameters<typeof word>[1]) => esc(word(ctx.locale, key));
  const rows = keys
    .map(
      (k) =>
        `<tr><th scope="row">${esc(k.name)}</th><td><code>${esc(k.fingerprint)}</code></td><td>${esc(k.addedBy)}, ${esc(k.addedAt.slice(0, 10))}</td></tr>`,
    )
    .join('');
  return `${scrollRegion(word(ctx.locale, 'keys'), `<table><thead><tr><th scope="col">${w('keyName')}</th><th scope="col">${w('fingerprint')}</th><th scope="col">${w('addedBy')}</th></tr></thead><tbody>${rows}</tbody></table>`)}
<h2 id="trust">${w('trustKey')}</h2><form class="km-form" method="post" action="${href(ctx.locale, '/actions/trust-key')}" aria-labelledby="trust">${csrfField(ctx)}
<label>${w('keyName')}<input name="name" required></label>
<label>${w('fingerprint')}<input name="fingerprint" pattern="[0-9a-fA-F]{64}"></label>
<label>${w('publicKey')}<textarea name="publicKey" rows="4"></textarea></label>
<button type="submit">${w('trustKey')}</button></form>`;
}

export function runsBody(ctx: PageContext, systems: readonly RegisteredSystem[], runs: readonly ServerRun[]): string {
  const w = (key: Parameters<typeof word>[1]) => esc(word(ctx.locale, key));
  const systemList =
    systems.length === 0
      ? `<p>${w('notRegistered')}</p>`
      : `<ul>${systems.map((s) => `<li><a href="${href(ctx.locale, `/systems/${encodeURIComponent(s.systemId)}`)}">${esc(s.systemId)}</a> <span class="km-muted">${w('registered')} ${esc(s.registeredAt.slice(0, 10))}</span></li>`).join('')}</ul>`;
  const runTable =
    runs.length === 0
      ? `<p>${w('noRuns')}</p>`
      : scrollRegion(
          word(ctx.locale, 'runs'),
          `<table><thead><tr><th scope="col">${w('run')}</th><th scope="col">${w('system')}</th><th scope="col">${w('state')}</th><th scope="col">${w('opened')}</th><th scope="col">${w('exitCode')}</th></tr></thead><tbody>${runs
            .map(
              (r) =>
                `<tr><th scope="row"><code>${esc(r.id)}</code></th><td>${esc(r.systemId)}</td><td>${esc(r.state)}${r.problem ? `: ${esc(r.problem)}` : ''}</td><td>${esc(r.openedAt.replace('T', ' ').slice(0, 16))}</td><td>${esc(r.exitCode ?? '')}</td></tr>`,
            )
            .join('')}</tbody></table>`,
        );
  return `<h2>${w('systems')}</h2>${systemList}<h2>${w('runs')}</h2>${runTable}`;
}
