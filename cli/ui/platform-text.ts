import type { AddedAgreement, AddedSystem } from '../../conformance/platform/index.ts';

/** Plain-text answers of the `klarmeld platform` admin commands (one fact per line, easy to copy). */
export function systemAddedText(s: AddedSystem): string {
  return [
    `Registered it-system ${s.name}`,
    `  system UUID  ${s.systemUuid}   (UserSystemUUID in the InvocationContext)`,
    `  certificate  ${s.cert}`,
    `  key          ${s.key}`,
    `  platform CA  ${s.ca}`,
    '',
    `Next: klarmeld platform agreement add --system "${s.name}" --service SF1520 --municipality 11111111`,
  ].join('\n');
}

export function agreementText(a: AddedAgreement, verb: 'Created' | 'Approved'): string {
  const lines = [
    `${verb} service agreement ${a.agreementUuid}   (ServiceAgreementUUID)`,
    `  service       ${a.integration} ${a.service}${a.serviceUuid ? `  ServiceUUID ${a.serviceUuid}` : ''}${a.entityId ? `  entityID ${a.entityId}` : ''}`,
    `  municipality  ${a.municipalityCvr}`,
    `  status        ${a.status}`,
  ];
  if (a.status === 'pending')
    lines.push('', `Approve it (as the municipality would): klarmeld platform agreement approve ${a.agreementUuid}`);
  return lines.join('\n');
}

export function agreementListText(list: AddedAgreement[]): string {
  if (list.length === 0) return 'No service agreements.';
  return list
    .map(
      (a) =>
        `${a.agreementUuid}  ${a.status.padEnd(8)}  ${a.municipalityCvr}  ${a.integration} ${a.service}  system ${a.systemUuid}`,
    )
    .join('\n');
}

export function systemListText(list: { uuid: string; name: string; supplierCvr: string; revoked: boolean }[]): string {
  if (list.length === 0) return 'No it-systems. Register one with: klarmeld platform system add <name>';
  return list
    .map((s) => `${s.uuid}  ${s.name}  supplier ${s.supplierCvr}${s.revoked ? '  (certificate revoked)' : ''}`)
    .join('\n');
}

export function startedText(p: {
  url: string;
  caPath: string;
  dataDir: string;
  problems: string[];
  paths: string[];
}): string {
  return [
    `klarmeld test platform (Korsbæk Kommune, CVR 11111111) listening on ${p.url}`,
    `  platform CA  ${p.caPath}   (give it to clients as --cacert)`,
    `  data         ${p.dataDir}`,
    `  services     ${p.paths.join('\n               ')}`,
    ...p.problems.map((x) => `  problem      ${x}`),
    '',
    'Register a system: klarmeld platform system add <name> --json. Stop with Ctrl+C.',
  ].join('\n');
}
