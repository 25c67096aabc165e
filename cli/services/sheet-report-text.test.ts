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
  integrations: [
    {
      integration: 'SF1461',
      title: 'Modtag beskeder via Beskedfordeler',
      level: 'mandatory',
      package: 'I-09',
      useCase: 'Y65.I.1',
      status: 'klarmeldt',
      label: 'Klarmeldt',
      code: '🟢 1. Ja',
      source: 'run',
      at: '2026-11-02T09:30:00Z',
      evidence: { runId: 'run-1', digest: 'sha256:abcdef0123456789', shallTotal: 8, shallPassed: 8 },
      backing: {
        kind: 'own-platform',
        runId: 'run-1',
        keyFingerprint: '3f2a9b8c7d6e5f40',
        shallPassed: 8,
        shallTotal: 8,
      },
      spread: { connected: 1, of: 1 },
    },
    {
      integration: 'SF1500',
      title: 'Organisation',
      level: 'mandatory',
      package: 'I-06',
      useCase: 'Y65.I.1',
      status: 'delvist-klarmeldt',
      label: 'Delvis',
      code: '🚧 5. Delvis',
      source: 'run',
      at: '2026-11-03T09:30:00Z',
      evidence: { runId: 'run-2', digest: 'sha256:0123456789abcdef', shallTotal: 8, shallPassed: 6 },
      backing: { kind: 'trusted-platform', runId: 'run-2', shallPassed: 6, shallTotal: 8 },
    },
    {
      integration: 'SF1470',
      title: 'Sags- og Dokumentindeks',
      level: 'mandatory',
      package: 'I-04',
      useCase: 'Y65.I.1',
      status: 'ikke-klarmeldt',
      label: 'Nej',
      code: '🔴 2. Nej',
      source: 'catalogue',
      backing: { kind: 'none' },
    },
    {
      integration: 'SF1510',
      title: 'Klassifikation',
      level: 'mandatory',
      package: 'I-07',
      useCase: 'Y65.I.1',
    },
  ],
  excepted: [],
  ready: { mandatory: 1, ready: 1 },
};

describe('the connection report as text', () => {
  it('marks the project’s examples, and shows beside the status what backs it and the spread', () => {
    const text = reportText(report);
    expect(text).toContain('Tilslutningsrapport (connection report): Demo (demo) (projekteksempel)');
    expect(text).toContain('  - I-09 Modtag beskeder (projekteksempel)');
    expect(text).toContain('  Y65.I.1: Sagsbehandling (projekteksempel)\n'); // not marked twice
    expect(text).toMatch(
      /SF1461 .*🟢 1\. Ja +tilsluttet i 1 af 1 kommuner 2026-11-02 \(run\) +belæg: kørsel på leverandørens egen platform \[kørsel run-1, nøgle 3f2a9b8c7d6e…, 8\/8 SHALL, digest sha256:abcde…\]/,
    );
  });

  it("names the kind of evidence beside every status: a platform KOMBIT approved, the supplier's own, or none; and none beside no status", () => {
    const lines = reportText(report).split('\n');
    expect(lines.find((l) => l.includes('SF1500'))).toMatch(
      /🚧 5\. Delvis .*belæg: kørsel på en platform KOMBIT har godkendt \[kørsel run-2, 6\/8 SHALL/,
    );
    expect(lines.find((l) => l.includes('SF1470'))).toMatch(/🔴 2\. Nej .*\(katalog\) +belæg: intet belæg$/);
    expect(lines.find((l) => l.includes('SF1510'))).not.toContain('belæg');
    expect(lines).toContain(
      "belæg (evidence): kørsel på leverandørens egen platform = a run on the supplier's own platform; kørsel på en platform KOMBIT har godkendt = a run on a platform KOMBIT trusts; intet belæg = no evidence.",
    );
  });
});
