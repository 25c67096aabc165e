/**
 * KOMBIT's programme overview (GET /api/programme): the count per category as KOMBIT's slide
 * has it, each system's place and where it comes from, the open contests; for KOMBIT the forms
 * to set a place with one of KOMBIT's reasons and to decide a contest.
 */
import { programmeCategories, programmeReasons, type ProgrammeOverview } from '../../conformance/onboarding/index.ts';
import { csrfField, esc, href, scrollRegion, type PageContext } from './web-page.ts';
import { word } from './web-words.ts';

const label = (ctx: PageContext, code: string) => {
  const c = programmeCategories.find((p) => p.code === code);
  return c ? (ctx.locale === 'en' ? c.labelEn : c.label) : code;
};

function setPlaceForm(ctx: PageContext, overview: ProgrammeOverview): string {
  const { locale } = ctx;
  const w = (key: Parameters<typeof word>[1]) => esc(word(locale, key));
  const systems = overview.systems.map((s) => `<option value="${esc(s.system)}">${esc(s.name)}</option>`).join('');
  const categories = programmeCategories
    .map((c) => `<option value="${esc(c.code)}">${esc(locale === 'en' ? c.labelEn : c.label)}</option>`)
    .join('');
  const reasons = ['<option value=""></option>', ...programmeReasons.map((r) => `<option>${esc(r)}</option>`)].join('');
  return `<h2 id="set-place">${w('setPlace')}</h2><form class="km-form" method="post" action="${href(locale, '/actions/programme')}" aria-labelledby="set-place">${csrfField(ctx)}
<label>${w('system')}<select name="system" required>${systems}</select></label>
<label>${w('category')}<select name="category" required>${categories}</select></label>
<label>${w('round')} ${w('optional')}<input name="round" inputmode="numeric" pattern="[0-9]*"></label>
<label>${w('reason')} ${w('optional')}<select name="reason">${reasons}</select></label>
<label>${w('note')} ${w('optional')}<input name="note"></label>
<button type="submit">${w('save')}</button></form>`;
}

function contests(ctx: PageContext, overview: ProgrammeOverview): string {
  const { locale } = ctx;
  const w = (key: Parameters<typeof word>[1]) => esc(word(locale, key));
  if (overview.openContests.length === 0) return `<h2>${w('openContests')}</h2><p>${w('noOpenContests')}</p>`;
  const items = overview.openContests.map((c, n) => {
    const decide =
      ctx.who?.role !== 'kombit'
        ? ''
        : `<form class="km-inline" method="post" action="${href(locale, '/actions/decide')}">${csrfField(ctx)}
<input type="hidden" name="system" value="${esc(c.system)}"><input type="hidden" name="integration" value="${esc(c.integration)}">
<label for="d-${n}">${w('decide')}<select id="d-${n}" name="decision"><option value="upheld">${w('upheld')}</option><option value="changed">${w('changed')}</option></select></label>
<label for="dr-${n}">${w('reason')}<input id="dr-${n}" name="reason" required></label><button type="submit">${w('decide')} ${esc(c.system)} × ${esc(c.integration)}</button></form>`;
    return `<li><strong>${esc(c.system)} × ${esc(c.integration)}</strong>: ${esc(c.reason)} <span class="km-muted">(${esc(c.actor)}, ${esc(c.at.slice(0, 10))})</span>${decide}</li>`;
  });
  return `<h2>${w('openContests')}</h2><ul>${items.join('')}</ul>`;
}

export function programmeBody(ctx: PageContext, overview: ProgrammeOverview): string {
  const { locale } = ctx;
  const w = (key: Parameters<typeof word>[1]) => esc(word(locale, key));
  const counts = overview.categories
    .map((c) => `<tr><th scope="row">${esc(locale === 'en' ? c.labelEn : c.label)}</th><td>${c.count}</td></tr>`)
    .join('');
  const systems = overview.systems
    .map(
      (s) =>
        `<tr data-system="${esc(s.system)}"><th scope="row">${esc(s.name)}</th><td>${esc(label(ctx, s.category))}${s.round ? ` ${s.round}` : ''}</td><td>${esc(s.reason ?? '')}${s.note ? ` (${esc(s.note)})` : ''}</td><td>${esc(s.source)}${s.actor ? `: ${esc(s.actor)}` : ''}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>${w('programme')}</caption><thead><tr><th scope="col">${w('category')}</th><th scope="col">${w('count')}</th></tr></thead><tbody>${counts}</tbody></table>
${contests(ctx, overview)}
${ctx.who?.role === 'kombit' ? setPlaceForm(ctx, overview) : ''}
<h2>${w('systems')}</h2>${scrollRegion(
    word(locale, 'systems'),
    `<table><thead><tr><th scope="col">${w('system')}</th><th scope="col">${w('place')}</th><th scope="col">${w('reason')}</th><th scope="col">${w('source')}</th></tr></thead><tbody>
${systems}</tbody></table>`,
  )}`;
}
