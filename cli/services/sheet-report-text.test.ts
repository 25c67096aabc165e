import { describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../conformance/onboarding/index.ts';
import { reportText } from './sheet-report-text.ts';

const report: ConnectionReport = {
  system: { id: 'demo', name: 'Demo', userSystemUuid: '00000000-0000-4000-8000-000000000001', fictional: true },
  supplier: { cvr: '99990001', name: 'Eksempel Software ApS', fictional: true },
  municipalities: [{ cvr: '29189846', name: 'Viborg Kommune' }],
  areas: [{ id: 'Y65', name: 'Kommunikation og dokumentation' }],
  estimate: { label: 'KOMBIT skøn', covers: ['useCases', 'packages', 'integrations'] },
  useCases: [{ id: 'Y65.I.1', title: 'Sagsbehandling (projekteksempel)', fictional: true }],
  packages: [{ id: 'I-09', title: 'Modtag beskeder', level: 'mandatory', fictional: true }],
  integrations: [{
    integration: 'SF1461', title: 'Modtag beskeder via Beskedfordeler', level: 'mandatory', package: 'I-09', useCase: 'Y65.I.1',
    status: 'klarmeldt', label: 'Klarmeldt', code: '🟢 1. Ja', source: 'run', at: '2026-11-02T09:30:00Z',
    evidence: { runId: 'run-1', digest: 'sha256:abcdef0123456789', shallTotal: 8, shallPassed: 8 },
    backing: { kind: 'own-platform', runId: 'run-1', keyFingerprint: '3f2a9b8c7d6e5f40', shallPassed: 8, shallTotal: 8 },
    spread: { connected: 1, of: 1 },
  }],
  excepted: [],
  ready: { mandatory: 1, ready: 1 },
};

describe('the connection report as text', () => {
  it('marks the project’s examples, and shows beside the status what backs it and the spread', () => {
    const text = reportText(report);
    expect(text).toContain('Tilslutningsrapport (connection report): Demo (demo) (projekteksempel)');
    expect(text).toContain('  - I-09 Modtag beskeder (projekteksempel)');
    expect(text).toContain('  Y65.I.1: Sagsbehandling (projekteksempel)\n'); // not marked twice
    expect(text).toMatch(/SF1461 .*🟢 1\. Ja +tilsluttet i 1 af 1 kommuner 2026-11-02 \(run\) \[kørsel run-1 på leverandørens egen platform \(nøgle 3f2a9b8c7d6e…\), 8\/8 SHALL, digest sha256:abcde…\]/);
  });
});
