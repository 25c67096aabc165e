import type { ProblemName } from '../problems/index.ts';

/** One deliberate mistake in the valid fixture, and the problem it must produce. */
export interface Mistake {
  name: ProblemName;
  file: string;
  from: string;
  to: string;
  /** Text on the line the problem must point at (in the edited file). */
  line: string;
  path?: string;
}

/** The ten mistakes issue 2 names, one each. */
export const mistakes: Mistake[] = [
  { name: 'yaml-syntax', file: 'suppliers.yaml', from: 'name: Eksempel Software ApS', to: 'name: [Eksempel Software ApS', line: 'name: [Eksempel' },
  { name: 'unknown-field', file: 'integrations/SF1500.yaml', from: 'platform: Organisation', to: 'platform: Organisation\nplatfrom: Organisation', line: 'platfrom', path: 'platfrom' },
  { name: 'wrong-type', file: 'integrations/SF1500.yaml', from: 'ski0219: true', to: 'ski0219: ja', line: 'ski0219', path: 'ski0219' },
  { name: 'dangling-reference', file: 'integrations/SF1500.yaml', from: 'prerequisites: [SF1514]', to: 'prerequisites: [SF1599]', line: 'SF1599', path: 'prerequisites[0]' },
  { name: 'duplicate-id', file: 'systems.yaml', from: 'id: oekonomi-let', to: 'id: jobcenter-plus', line: '- id: jobcenter-plus\n    name: Økonomi', path: 'systems[1].id' },
  { name: 'malformed-uuid', file: 'integrations/SF1500.yaml', from: 'serviceUuid: 6d9e3e15-4f6b', to: 'serviceUuid: 6D9E3E15-4F6B', line: '6D9E3E15', path: 'versions[1].services[0].serviceUuid' },
  { name: 'unknown-area', file: 'systems.yaml', from: 'areas: [Y20]', to: 'areas: [Y99]', line: 'Y99', path: 'systems[1].areas[0]' },
  { name: 'unknown-status', file: 'systems.yaml', from: 'status: klarmeldt', to: 'status: godkendt', line: 'godkendt', path: 'systems[0].statuses[0].status' },
  { name: 'missing-title', file: 'integrations/SF1520.yaml', from: 'title: CPR - replica opslag\n', to: '', line: '$schema', path: 'title' },
  { name: 'versions-out-of-order', file: 'integrations/SF1520.yaml', from: 'version: "3"', to: 'version: "10"', line: 'version: "4"', path: 'versions[1].version' },
];

