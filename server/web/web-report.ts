/**
 * A system's connection report (GET /api/systems/:id/report), and beside each integration the
 * form the caller's role has: a municipality approves or rejects its service agreement; the
 * system's supplier contests KOMBIT's estimate; KOMBIT sets the status with a reason. The list of systems links to each report.
 */
import type { Catalog } from '../../catalog/index.ts';
import { backingKindLabel, statusStyles, type ConnectionReport } from '../../conformance/onboarding/index.ts';
import type { AgreementDecision } from '../store/server-store.ts';
import { csrfField, esc, href, scrollRegion, type PageContext } from './web-page.ts';
import { word } from './web-words.ts';

export function systemsBody(ctx: PageContext, catalog: Catalog, visible: readonly string[]): string {
  const items = catalog.systems
    .filter((s) => visible.includes(s.id))
    .map(
      (s) =>
        `<li><a href="${href(ctx.locale, `/systems/${encodeURIComponent(s.id)}`)}">${esc(s.name)}</a> <span class="km-muted">(${esc(s.id)})</span></li>`,
    );
  return `<ul>${items.join('')}</ul>`;
}

function agreementForm(
  ctx: PageContext,
  report: ConnectionReport,
  integration: string,
  latest: AgreementDecision | undefined,
): string {
  const { locale } = ctx;
  const id = `r-${integration}`;
  const shown = latest
    ? `<p>${esc(word(locale, 'latestDecision'))}: <strong>${esc(word(locale, latest.decision))}</strong>${latest.reason ? ` (${esc(latest.reason)})` : ''}</p>`
    : '';
  return `${shown}<form class="km-inline" method="post" action="${href(locale, '/actions/agreement')}" aria-label="${esc(`${word(locale, 'agreement')} ${integration}`)}">${csrfField(ctx)}
<input type="hidden" name="system" value="${esc(report.system.id)}"><input type="hidden" name="integration" value="${esc(integration)}">
<label for="${id}">${esc(word(locale, 'reason'))} ${esc(word(locale, 'optional'))}<input id="${id}" name="reason"></label>
<button type="submit" name="decision" value="approve">${esc(word(locale, 'approve'))} ${esc(integration)}</button>
<button type="submit" name="decision" value="reject">${esc(word(locale, 'reject'))} ${esc(integration)}</button></form>`;
}

function statusForm(
  ctx: PageContext,
  report: ConnectionReport,
  integration: string,
  styles: ReturnType<typeof statusStyles>,
  current: string | undefined,
): string {
  const { locale } = ctx;
  const id = `s-${integration}`;
  const options = styles
    .map((s) => `<option value="${esc(s.code)}"${s.code === current ? ' selected' : ''}>${esc(s.label)}</option>`)
    .join('');
  return `<form class="km-inline" method="post" action="${href(locale, '/actions/status')}">${csrfField(ctx)}
<input type="hidden" name="system" value="${esc(report.system.id)}"><input type="hidden" name="integration" value="${esc(integration)}">
<label for="${id}">${esc(word(locale, 'status'))}<select id="${id}" name="status">${options}</select></label>
<label for="${id}-r">${esc(word(locale, 'reason'))}<input id="${id}-r" name="reason"></label>
<button type="submit">${esc(word(locale, 'setStatus'))} (${esc(integration)})</button></form>`;
}

function contestForm(ctx: PageContext, report: ConnectionReport, integration: string): string {
  const { locale } = ctx;
  const id = `c-${integration}`;
  return `<form class="km-inline" method="post" action="${href(locale, '/actions/contest')}">${csrfField(ctx)}
<input type="hidden" name="system" value="${esc(report.system.id)}"><input type="hidden" name="integration" value="${esc(integration)}">
<label for="${id}">${esc(word(locale, 'reason'))}<input id="${id}" name="reason" required></label>
<button type="submit">${esc(word(locale, 'contest'))} (${esc(integration)})</button></form>`;
}

export function reportBody(
  ctx: PageContext,
  catalog: Catalog,
  report: ConnectionReport,
  decisions: readonly AgreementDecision[],
): string {
  const { locale, who } = ctx;
  const styles = new Map(statusStyles(catalog.statuses, locale).map((s) => [s.code, s]));
  const mine = catalog.municipalities.find((m) => m.code === who?.municipalityCode)?.cvr;
  const latest = new Map<string, AgreementDecision>();
  for (const d of decisions)
    if (d.systemId === report.system.id && d.municipalityCvr === mine) latest.set(d.integration, d);
  const usesIt = mine !== undefined && report.municipalities.some((m) => m.cvr === mine);
  const owns = who?.role === 'supplier' && who.cvr === report.supplier.cvr;
  const isKombit = who?.role === 'kombit';
  const actionHead = usesIt
    ? word(locale, 'agreement')
    : owns
      ? word(locale, 'contest')
      : isKombit
        ? word(locale, 'setStatus')
        : '';
  const rows = report.integrations
    .map((i) => {
      const style = i.status ? styles.get(i.status) : undefined;
      const status = style
        ? `<span class="km-st ${style.cls}">${esc(style.mark)}</span> ${esc(style.label)}${i.code ? ` <span class="km-muted">${esc(i.code)}</span>` : ''}`
        : esc(word(locale, 'noStatus'));
      const evidence = i.status
        ? `${esc(backingKindLabel(i.backing?.kind ?? 'none', locale))}${i.reason ? `<br><span class="km-muted">${esc(word(locale, 'reason'))}: ${esc(i.reason)}</span>` : ''}`
        : '';
      const spread = i.spread ? `${i.spread.connected} ${esc(word(locale, 'spreadOf'))} ${i.spread.of}` : '';
      const action = usesIt
        ? agreementForm(ctx, report, i.integration, latest.get(i.integration))
        : owns
          ? contestForm(ctx, report, i.integration)
          : isKombit
            ? statusForm(ctx, report, i.integration, [...styles.values()], i.status)
            : '';
      return `<tr data-integration="${esc(i.integration)}"><th scope="row">${esc(i.integration)} <span class="km-muted">${esc(i.title)}</span></th><td>${esc(word(locale, i.level))}</td><td>${status}</td><td>${evidence}</td><td>${spread}</td>${actionHead ? `<td>${action}</td>` : ''}</tr>`;
    })
    .join('\n');
  return `<dl><dt>${esc(word(locale, 'supplier'))}</dt><dd>${esc(report.supplier.name)} (CVR ${esc(report.supplier.cvr)})</dd>
<dt>${esc(word(locale, 'municipalities'))}</dt><dd>${esc(report.municipalities.map((m) => m.name).join(', ') || '–')}</dd></dl>
<p class="km-muted">${esc(word(locale, 'estimate'))}</p>
${scrollRegion(
  word(locale, 'integration'),
  `<table><thead><tr><th scope="col">${esc(word(locale, 'integration'))}</th><th scope="col">${esc(word(locale, 'level'))}</th><th scope="col">${esc(word(locale, 'status'))}</th><th scope="col">${esc(word(locale, 'evidence'))}</th><th scope="col">${esc(word(locale, 'spread'))}</th>${actionHead ? `<th scope="col">${esc(actionHead)}</th>` : ''}</tr></thead><tbody>
${rows}</tbody></table>`,
)}`;
}
