/** Permanent codes of the contract reader's errors: scripts match on these, never on messages. */
export type ContractErrorCode =
  | 'contract.file-missing'
  | 'contract.xml-malformed'
  | 'contract.not-a-contract'
  | 'contract.binding-unknown'
  | 'contract.reference-unresolved'
  | 'contract.openapi-invalid'
  | 'contract.unsupported'
  | 'contract.graphql'
  | 'contract.identity-ambiguous'
  | 'contract.endpoint-invalid';

/**
 * A contract that cannot be read. `file` is the file at fault (the one that refers to a missing
 * file, or the one that is malformed); the message says what is missing and what to do.
 */
export class ContractError extends Error {
  readonly code: ContractErrorCode;
  readonly file: string;

  constructor(code: ContractErrorCode, file: string, message: string) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.file = file;
  }

  toJSON() {
    return { code: this.code, file: this.file, message: this.message };
  }
}
