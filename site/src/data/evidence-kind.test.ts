import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { currentStatuses, type StatusEvent } from '../../../conformance/onboarding/index.ts';
import { evidenceKindOf } from './evidence-kind.ts';
import { readinessFrom } from './readiness.ts';

const fixture = new URL('../../../catalog/test-fixtures/valid', import.meta.url).pathname;

describe('the kind of evidence beside each status on the system page', async () => {
  const { catalog } = await loadCatalog(fixture);
  const system = catalog.systems[0]!;
  const declared = system.statuses![0]!;
  const ready = catalog.statuses.find((s) => s.ready)!.code;
  const run = (integration: string, keyTrusted: boolean, seq: number): StatusEvent => ({
    seq,
    id: `e${seq}`,
    system: system.id,
    integration,
    status: ready,
    actor: 'klarmeld test --record',
    source: 'run',
    at: '2026-11-01T10:00:00Z',
    evidence: {
      runId: `run-${seq}`,
      digest: 'd'.repeat(64),
      keyFingerprint: 'f'.repeat(64),
      keyTrusted,
      ...(keyTrusted ? { trustedBy: 'sheet' as const } : {}),
      shallTotal: 2,
      shallPassed: 2,
    },
  });
  const readiness = readinessFrom(
    { kind: 'sheet', path: 'sheet.db' },
    currentStatuses(catalog, [run('SF9001', true, 1), run('SF9002', false, 2)]),
  );

  it('names a run on a platform KOMBIT approved, a run on the supplier’s own platform, and no evidence, in Danish and English', () => {
    expect(evidenceKindOf(readiness.of(system.id, 'SF9001'), 'da')).toEqual({
      kind: 'trusted-platform',
      label: 'kørsel på en platform KOMBIT har godkendt',
    });
    expect(evidenceKindOf(readiness.of(system.id, 'SF9002'), 'da')).toEqual({
      kind: 'own-platform',
      label: 'kørsel på leverandørens egen platform',
    });
    expect(evidenceKindOf(readiness.of(system.id, declared.integration), 'da')).toEqual({
      kind: 'none',
      label: 'intet belæg',
    });
    expect(evidenceKindOf(readiness.of(system.id, 'SF9001'), 'en')?.label).toBe('a run on a platform KOMBIT trusts');
    expect(evidenceKindOf(readiness.of(system.id, 'SF9002'), 'en')?.label).toBe("a run on the supplier's own platform");
    expect(evidenceKindOf(readiness.of(system.id, declared.integration), 'en')?.label).toBe('no evidence');
  });

  it('says nothing for a cell without a status', () => {
    expect(evidenceKindOf(undefined, 'da')).toBeUndefined();
    expect(evidenceKindOf({ status: '', backing: { kind: 'none' } }, 'en')).toBeUndefined();
  });
});
