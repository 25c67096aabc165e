import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { personLookupAction, personLookupEnvelope } from '../../clients/index.ts';
import { agentFor, postSoap, startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

const soap11 = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };

describe('platforms sharing one data folder and one port (reusePort, for the bench of issue 15)', () => {
  const started: RunningPlatform[] = [];
  afterAll(async () => {
    for (const p of started.reverse()) await p.stop();
    rmSync(started[0]!.dataDir, { recursive: true, force: true });
  });

  it('answers and records every request whichever platform took the connection; without reusePort the port stays taken', async () => {
    const first = await startTestPlatform({ reusePort: true });
    started.push(first);
    const system = await first.admin.addSystem({ name: 'Delt port' });
    const agreement = first.admin.addAgreement({
      system: system.systemUuid,
      service: 'SF1520',
      municipalityCvr: '11111111',
    });
    const second = await startTestPlatform({ dataDir: first.dataDir, port: first.port, reusePort: true });
    started.push(second);
    await expect(startTestPlatform({ dataDir: first.dataDir, port: first.port })).rejects.toThrow(/EADDRINUSE/);

    const agent = agentFor(system, { connections: 8 });
    const body = personLookupEnvelope({
      pnr: '0103701111',
      invocation: {
        serviceAgreementUuid: agreement.agreementUuid,
        userSystemUuid: system.systemUuid,
        userUuid: '11111111-2222-4333-8444-555555555555',
        serviceUuid: agreement.serviceUuid!,
      },
    });
    const url = `${first.url}/service/CPR/PersonBaseDataExtended/4`;
    const answers = await Promise.all(Array.from({ length: 24 }, () => postSoap(agent, url, body, soap11)));
    await agent.close();
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(200));

    await second.recorder.close();
    first.recorder.flush();
    const stored = first.services.database
      .prepare('SELECT count(*) AS n, max(seq) - min(seq) + 1 AS span FROM exchanges WHERE system_uuid = ?')
      .get(system.systemUuid);
    expect(stored).toEqual({ n: 24, span: 24 });
  });
});
