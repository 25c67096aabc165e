/**
 * Token and OIOIDWS figures (`npx node bench/tokens/run.ts`): the STS's work per token in-process
 * (verify the signed RST, sign the assertion and the RSTR), OIOIDWS verification per call, and
 * SF1500 Bruger laes with a token over keep-alive mutual TLS against a running platform
 * (sequential and 8 concurrent). Prints a Markdown table for bench/RESULTS.md.
 */
import 'reflect-metadata';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { buildIssueRequest, buildOioidwsRequest, parseIssueResponse } from '../../conformance/clients/tokens/index.ts';
import { parseXml } from '../../conformance/wire/index.ts';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { verifyOioidws } from '../../conformance/platform/oioidws/verify-oioidws.ts';
import { startPlatform } from '../../conformance/platform/server/start-platform.ts';
import { createPlatformModule as createOrganisationModule } from '../../conformance/platform/services/organisation/index.ts';
import { platformModule as sts, stsPath } from '../../conformance/platform/sts/index.ts';
import { issueSoap } from '../../conformance/platform/sts/issue-soap.ts';
import { createStsTestWorld } from '../../conformance/platform/sts/sts-test-setup.ts';

const rows: string[] = [];
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function timed(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return performance.now() - start;
}

// 1. In-process STS and OIOIDWS verification.
const { catalog } = await loadCatalog();
const world = await createStsTestWorld(catalog);
const organisationEntityId = world.entityIds.organisation;
const now = new Date();
const rst = buildIssueRequest({
  ...world.system,
  entityId: organisationEntityId,
  cvr: '11111111',
  to: 'https://x/sts',
  now,
});
const deps = { directory: world.directory, identity: world.identity, now };
issueSoap(rst, world.system.certPem, deps);
const stsMs = await timed(200, () => issueSoap(rst, world.system.certPem, deps));
rows.push(
  `| STS Issue in-process (verify RST, sign assertion + RSTR), 200 tokens | ${perSecond(200, stsMs)} tokens/s, ${(stsMs / 200).toFixed(2)} ms each | – |`,
);
const parsed = parseIssueResponse(issueSoap(rst, world.system.certPem, deps).body);
if (!parsed.ok) throw new Error(parsed.fault.reason);
const body =
  '<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/"><sd:UUIDIdentifikator xmlns:sd="urn:oio:sagdok:3.0.0">273e2e2b-8778-44c9-8a65-9af669655990</sd:UUIDIdentifikator></b:LaesInput>';
const call = buildOioidwsRequest(body, {
  assertionXml: parsed.token.assertionXml,
  keyPem: world.system.keyPem,
  action: 'http://kombit.dk/sts/organisation/bruger/laes',
  to: 'https://x/organisation/bruger/6/',
  now,
});
const verifyMs = await timed(500, () =>
  verifyOioidws({
    xml: call,
    document: parseXml(call),
    tlsCertPem: world.system.certPem,
    audience: organisationEntityId,
    sts: world.identity,
    now,
  }),
);
rows.push(
  `| OIOIDWS verification in-process (token + message signature), 500 calls | ${perSecond(500, verifyMs)} calls/s, ${(verifyMs / 500).toFixed(2)} ms each | – |`,
);
const signMs = await timed(500, () =>
  buildOioidwsRequest(body, {
    assertionXml: parsed.token.assertionXml,
    keyPem: world.system.keyPem,
    action: 'a',
    to: 'b',
    now,
  }),
);
rows.push(
  `| OIOIDWS request signing, client side, 500 requests | ${perSecond(500, signMs)} requests/s, ${(signMs / 500).toFixed(2)} ms each | – |`,
);

// 2. Over the wire: a running platform, keep-alive mutual TLS.
const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-bench-tokens-'));
const platform = await startPlatform({ dataDir, port: 0, catalog, modules: [sts, createOrganisationModule(catalog)] });
const system = await platform.admin.addSystem({ name: 'Bench' });
platform.admin.addAgreement({ system: system.systemUuid, service: 'SF1500', municipalityCvr: '11111111' });
const tls = {
  cert: readFileSync(system.cert, 'utf8'),
  key: readFileSync(system.key, 'utf8'),
  ca: readFileSync(system.ca, 'utf8'),
};
const agent = new Agent({ connect: tls, connections: 8 });
const post = async (path: string, xml: string, action: string) => {
  const res = await request(`${platform.url}${path}`, {
    method: 'POST',
    body: xml,
    dispatcher: agent,
    headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` },
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
  return text;
};
const tokenReply = parseIssueResponse(
  await post(
    stsPath,
    buildIssueRequest({
      certPem: tls.cert,
      keyPem: tls.key,
      entityId: organisationEntityId,
      cvr: '11111111',
      to: `${platform.url}${stsPath}`,
    }),
    'http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue',
  ),
);
if (!tokenReply.ok) throw new Error(tokenReply.fault.reason);
const laesAction = 'http://kombit.dk/sts/organisation/bruger/laes';
const signed = () =>
  buildOioidwsRequest(body, {
    assertionXml: tokenReply.token.assertionXml,
    keyPem: tls.key,
    action: laesAction,
    to: `${platform.url}/organisation/bruger/6/`,
  });
const latencies: number[] = [];
const laes = async () => {
  const xml = signed();
  const t0 = performance.now();
  await post('/organisation/bruger/6/', xml, laesAction);
  latencies.push(performance.now() - t0);
};
for (let i = 0; i < 20; i++) await laes();
latencies.length = 0;
const seqMs = await timed(300, laes);
const p = (q: number) => [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * q)]!.toFixed(1);
rows.push(
  `| Bruger laes with token over keep-alive mTLS, sequential, 300 calls (client signs each) | ${perSecond(300, seqMs)} calls/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms | – |`,
);
latencies.length = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 100; i++) await laes();
  }),
);
const concMs = performance.now() - start;
rows.push(
  `| the same, 8 concurrent, 800 calls (client and platform in one process) | ${perSecond(800, concMs)} calls/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms | – |`,
);
const cpu = cpus();
console.log(`## Tokens and OIOIDWS (\`npx node bench/tokens/run.ts\`)\n`);
console.log(
  `${new Date().toISOString().slice(0, 16)} UTC, ${cpu.length} × ${cpu[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB (${Math.round(freemem() / 2 ** 30)} free), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}\n`,
);
console.log('| what | result | goal |\n|---|---|---|');
console.log(rows.join('\n'));
await agent.destroy();
await Promise.race([platform.stop(), new Promise((r) => setTimeout(r, 2000))]);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
