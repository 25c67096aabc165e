import { describe, expect, it } from 'vitest';
import { assertCoverage, checkCoverage } from './coverage.ts';
import { parseRequirements } from './requirements.ts';

const requirements = parseRequirements(
  [
    'integration: SF9999',
    'requirements:',
    ...['R01:SHALL', 'R02:SHALL', 'R03:SHOULD'].flatMap((entry) => {
      const [id, level] = entry.split(':');
      return [`  - id: SF9999-${id}`, `    level: ${level}`, '    text: does a thing', '    source: fixture'];
    }),
  ].join('\n'),
  'requirements.yaml',
);
const suite = (
  verifies: string[][],
  untested: { requirement: string; reason: string }[] = [],
  integration = 'SF9999',
) => ({
  id: 'sf9999',
  integration,
  untested,
  groups: [
    { id: 'g', title: 'G', tests: verifies.map((v, i) => ({ id: `t${i}`, title: 'T', verifies: v, run: () => {} })) },
  ],
});

describe('checkCoverage', () => {
  it('is satisfied when every SHALL has a test or a written reason (SHOULD may go untested)', () => {
    expect(
      checkCoverage(
        suite([['SF9999-R01']], [{ requirement: 'SF9999-R02', reason: 'Inside the system' }]),
        requirements,
      ),
    ).toEqual([]);
  });

  it('fails when a SHALL has neither a test nor a reason', () => {
    expect(checkCoverage(suite([['SF9999-R01']]), requirements)).toEqual([
      { code: 'shall-untested', message: 'SF9999-R02 (SHALL) has no test and no reason in untested: "does a thing"' },
    ]);
  });

  it('catches unknown ids, empty reasons, contradictions and a wrong integration', () => {
    const problems = checkCoverage(
      suite(
        [['SF9999-R01', 'SF9999-R99'], ['SF9999-R02']],
        [
          { requirement: 'SF9999-R02', reason: ' ' },
          { requirement: 'SF9999-R77', reason: 'x' },
        ],
        'SF1520',
      ),
      requirements,
    );
    expect(problems.map((p) => p.code).sort()).toEqual(
      [
        'integration-mismatch',
        'unknown-requirement',
        'untested-but-tested',
        'untested-unknown',
        'untested-without-reason',
      ].sort(),
    );
  });

  it('assertCoverage throws one error listing every problem', async () => {
    const withFile = { ...suite([]), requirementsFile: new URL('./testing/requirements.yaml', import.meta.url) };
    await expect(assertCoverage(withFile)).rejects.toThrow(
      /SF9999-R01 \(SHALL\)[\s\S]*SF9999-R02 \(SHALL\)[\s\S]*SF9999-R04/,
    );
  });
});
