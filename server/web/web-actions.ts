/**
 * What each form of the front does: which API route it posts to (the route decides who may, with
 * the API's own 403), which fields it passes, and which page shows the result.
 */
export interface WebAction {
  api: string;
  fields: string[];
  /** The page to return to, from the posted fields. */
  back(fields: Record<string, string>): string;
}

export const webActions: Record<string, WebAction> = {
  agreement: {
    api: '/api/agreements',
    fields: ['system', 'integration', 'decision', 'reason'],
    back: (f) => `/systems/${encodeURIComponent(f.system ?? '')}`,
  },
  status: {
    api: '/api/sheet',
    fields: ['system', 'integration', 'status', 'reason'],
    back: (f) => `/systems/${encodeURIComponent(f.system ?? '')}`,
  },
  contest: {
    api: '/api/contests',
    fields: ['system', 'integration', 'reason'],
    back: (f) => `/systems/${encodeURIComponent(f.system ?? '')}`,
  },
  programme: {
    api: '/api/programme',
    fields: ['system', 'category', 'round', 'reason', 'note'],
    back: () => '/programme',
  },
  decide: {
    api: '/api/contests/decisions',
    fields: ['system', 'integration', 'decision', 'reason'],
    back: () => '/programme',
  },
  'trust-key': { api: '/api/trusted-keys', fields: ['name', 'fingerprint', 'publicKey'], back: () => '/keys' },
};
