/** The report's stylesheet, inlined so the HTML file is self-contained (no network, no scripts). */
export const reportCss = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.45; color: #1b1b1b; background: #fff; }
body { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid #ddd; padding-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #e3e3e3; }
th { background: #f4f4f4; }
code, pre { font-family: ui-monospace, monospace; font-size: .85rem; }
pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; max-height: 30rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.meta dt { font-weight: 600; }
.verdict { padding: .75rem 1rem; border-radius: .4rem; font-weight: 600; margin: 1rem 0; }
.result { display: inline-block; min-width: 3.5rem; text-align: center; border-radius: .3rem; padding: 0 .4rem; font-weight: 600; font-size: .85rem; }
.r-pass, .v-passed { background: #c6efce; color: #006100; }
.r-fail, .v-failed { background: #ffc7ce; color: #9c0006; }
.r-error, .v-environment { background: #f3d1f4; color: #6b0f6e; }
.r-skip, .v-incomplete { background: #ffeb9c; color: #7a4400; }
.r-omit { background: #e7e7e7; color: #3a3a3a; }
.r-wait { background: #ddebf7; color: #1f4e78; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; }
.test { border-left: 4px solid #ddd; padding-left: .75rem; margin: 1rem 0; }
.muted { color: #595959; }
`;
