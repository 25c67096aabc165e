/** Problems of the catalogue side of an import, as data with permanent codes. */
export class ImportError extends Error {
  readonly code:
    | 'import.integration-unknown'
    | 'import.version-unknown'
    | 'import.integration-exists'
    | 'import.integration-id'
    | 'import.service-unknown';
  constructor(code: ImportError['code'], message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}

/**
 * What `--version` takes for the version whose number KOMBIT has not published (the catalogue
 * leaves its `version` out; at most one per integration).
 */
export const unnumberedVersion = 'unnumbered';
