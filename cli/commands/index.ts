/**
 * The command groups of `klarmeld`. Each group is loaded only when it is run, so that
 * `klarmeld catalog check` does not pay for the platform, the runner or the site.
 */
export interface CommandGroup {
  summary: string;
  load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
}

export const commandGroups: Record<string, CommandGroup> = {
  catalog: { summary: 'check, list and show the integration catalogue', load: () => import('./catalog.ts') },
  platform: { summary: 'run and administer the embedded test platform (Korsbæk)', load: () => import('./platform.ts') },
  sheet: {
    summary: 'the onboarding sheet: statuses, history, connection report, Excel',
    load: () => import('./sheet.ts'),
  },
  verify: { summary: "check a run document's evidence offline", load: () => import('./verify.ts') },
  init: {
    summary: 'write the klarmeld.yaml that describes your system to klarmeld test',
    load: () => import('./init.ts'),
  },
  test: {
    summary: "run a system's required conformance suites against a test platform",
    load: () => import('./test.ts'),
  },
  server: {
    summary: "KOMBIT's service: test platform, judge, sheet and JSON API for many suppliers",
    load: () => import('./server.ts'),
  },
  demo: {
    summary: 'the whole chain on the embedded defaults: platform, reference system, suites, sheet',
    load: () => import('./demo.ts'),
  },
};
