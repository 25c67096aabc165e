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
};
