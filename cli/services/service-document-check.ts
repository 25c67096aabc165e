/**
 * What `klarmeld test --service` checks in the document klarmeld server returns, as
 * `klarmeld verify` checks a run file: its signatures and attestation, and every verdict
 * re-derived from its own tapes (verifyAndRederive). A server whose document passes tests its
 * tapes fail is told apart here, not only one whose signature is broken.
 */
import type { Catalog } from '../../catalog/index.ts';
import type { RunDocument } from '../../conformance/framework/index.ts';
import { verifyAndRederive } from './verify-rederive.ts';

/** Why the server's document is not to be trusted, or undefined when it verifies and its verdicts re-derive. */
export async function serverDocumentProblem(document: RunDocument, catalog?: Catalog): Promise<string | undefined> {
  const report = await verifyAndRederive(document, catalog ? { catalog } : {}, catalog);
  if (report.ok) return undefined;
  const problems = report.problems.map((p) => `${p.code}: ${p.message}`);
  return `The server's document does not verify (checked as klarmeld verify checks a run file): ${problems.join('; ')}`;
}

/**
 * The exit code of `klarmeld test --service`: the document's own, except that a document which
 * does not verify or re-derive never passes (1), whatever verdicts it carries.
 */
export function serviceExitCode(documentExit: 0 | 1 | 3, problem: string | undefined): 0 | 1 | 3 {
  return problem !== undefined && documentExit === 0 ? 1 : documentExit;
}
