/**
 * The import boundaries of DESIGN.md §2, as data: for each folder, the folders of ours it may
 * import from (besides itself). A folder not listed may import anything of ours.
 */
export interface Boundary {
  folder: string;
  mayImport: string[];
  why: string;
  /** What the folder's test harnesses (`harnessFolders`), which play the other side of the wire in tests, may import besides. */
  harnessesMayImport?: string[];
}

export const boundaries: Boundary[] = [
  { folder: 'catalog/', mayImport: [], why: 'the catalogue is the root every other part derives from' },
  {
    folder: 'conformance/evidence/',
    mayImport: [],
    why: 'the evidence format is shared by the platform (signing) and the framework (verifying)',
  },
  {
    folder: 'conformance/framework/',
    mayImport: ['catalog/', 'conformance/evidence/', 'conformance/wire/'],
    why: 'the framework runs suites; it knows nothing of the platform (its reporters share the XML escaping of the wire)',
  },
  {
    folder: 'conformance/suites/',
    mayImport: ['conformance/framework/', 'catalog/', 'conformance/evidence/', 'conformance/clients/'],
    why: 'suites reach the platform only over HTTP(S), as a supplier would',
  },
  {
    folder: 'conformance/platform/',
    mayImport: ['catalog/', 'conformance/evidence/', 'conformance/wire/'],
    why: "the platform must behave like the real one, independent of the tests that probe it: it shares the wire's namespaces and XML text helpers with the clients, never their code",
    harnessesMayImport: ['conformance/clients/'],
  },
  { folder: 'conformance/onboarding/', mayImport: ['catalog/'], why: 'the sheet is data about systems and statuses' },
  {
    folder: 'server/',
    mayImport: ['catalog/', 'conformance/'],
    why: "klarmeld server (KOMBIT's service) holds the platform, the judge and the sheet: it composes the catalogue and the conformance parts, and knows nothing of the CLI that starts it",
  },
  {
    folder: 'conformance/clients/',
    mayImport: ['catalog/', 'conformance/wire/'],
    why: 'client-side libraries (tokens, OIOIDWS signing) that a supplier system would also use',
  },
  {
    folder: 'conformance/wire/',
    mayImport: [],
    why: 'what both sides of the wire read and write alike (namespaces, XML text, PEM) depends on nothing of ours',
  },
];

/**
 * A module a folder's code may not reach at all, directly or through other modules of ours. A
 * test harness (a file that plays the other side of the wire in tests) may be named as exempt.
 */
export interface ForbiddenReach {
  folder: string;
  module: string;
  harnesses: string[];
  why: string;
}

export const forbiddenReach: ForbiddenReach[] = [
  {
    folder: 'conformance/platform/',
    module: 'conformance/clients/tokens/xmldsig.ts',
    harnesses: [
      'conformance/platform/testing/platform-test-client.ts',
      'conformance/platform/testing/test-platform.ts',
    ],
    why: 'the platform checks and makes XML signatures with its own implementation (conformance/platform/xmlsig/), so one signing bug cannot make both sides of the wire agree',
  },
];

/** Folders only the named folders may import (besides themselves). */
export const importedOnlyBy: { folder: string; by: string[]; why: string }[] = [
  {
    folder: 'server/',
    by: ['cli/', 'bench/'],
    why: 'the server is started by `klarmeld server` (and measured by bench/); no library part depends on it',
  },
];

/** Folders nothing else may import: the entry points. */
export const entryPoints = ['cli/', 'site/'];

/**
 * The units of DESIGN.md §2: each exposes what other units may use through one `index.ts`, and an
 * import from another unit goes through that file, so a unit can move its insides without its users
 * noticing. Each `conformance/<part>/` is a unit of its own. `bench/` is not one: benchmarks measure
 * insides on purpose (DESIGN.md: "anything"), and nothing but tests imports its abuse tools.
 */
export const units = [
  'catalog/',
  'conformance/clients/',
  'conformance/evidence/',
  'conformance/framework/',
  'conformance/onboarding/',
  'conformance/platform/',
  'conformance/profile/',
  'conformance/runner/',
  'conformance/suites/',
  'conformance/wire/',
  'server/',
  'cli/',
  'site/',
  'examples/',
];

/**
 * A unit's test helpers (a `testing/` or `test-fixtures/` folder) stay out of its index.ts, so that
 * what a user's code may call holds no test doubles; tests and other units' harness folders (which
 * play the other side in tests) may reach them directly.
 */
export const harnessFolders = ['testing/', 'test-fixtures/'];

/** Deep imports across units that are allowed, each with its reason. */
export const deepImportExceptions: { from: string; to: string[]; why: string }[] = [
  {
    from: 'conformance/framework/',
    to: ['conformance/wire/escape-xml.ts'],
    why: "the framework's reporters need only the escaping; the wire's index would load an XML parser and XPath into every report",
  },
];
