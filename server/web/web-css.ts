/**
 * The front's one style sheet, served from /web.css (the content security policy allows no inline
 * style): a readable frame, visible focus, wide tables scrolling in their own region (positioned,
 * so the visually hidden texts inside stay inside it), and the statuses in the vocabulary's own colours
 * through the same rules the site draws them with (statusCss).
 */
import type { Catalog } from '../../catalog/index.ts';
import { statusCss, statusStyles } from '../../conformance/onboarding/index.ts';

const frame = `
:root{font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid #767676}
header ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.km-brand{margin:0;font-weight:700}
.km-account{margin-left:auto;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.km-account form{margin:0}
main{padding:1rem;max-width:80rem}
/* Danish compounds (Onboardingsprogrammet) are wider than a phone at heading size: break them rather than widen the page. */
h1{font-size:clamp(1.4rem,6vw,2rem)}
h1,h2{overflow-wrap:break-word;hyphens:auto}
a{color:#0b4f9c}
a[aria-current=page]{font-weight:700}
:focus-visible{outline:3px solid #b3005a;outline-offset:2px}
.km-skip{position:absolute;left:-10000px}
.km-skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
.km-matrix td{text-align:center;white-space:nowrap}
.km-scroll{overflow-x:auto;position:relative;max-width:100%}
code{overflow-wrap:anywhere}
form.km-form>*,form.km-inline>*{min-width:0}
input,select,textarea{max-width:100%}
form.km-form{display:grid;grid-template-columns:minmax(0,1fr);gap:.5rem;max-width:min(36rem,100%);margin:1rem 0}
form.km-inline{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end;margin:0}
label{display:flex;flex-direction:column;gap:.125rem}
input,select,textarea,button{font:inherit}
button{padding:.25rem .75rem}
.km-notice{padding:.5rem 1rem;border-left:4px solid}
.km-done{border-color:#1e7a34;background:#eaf6ec}
.km-problem{border-color:#b00020;background:#fdecee}
.km-muted{color:#4a4a4a}
`;

export function webCss(catalog: Catalog): string {
  return frame + statusCss(statusStyles(catalog.statuses, 'da'));
}
