/**
 * The platform's own work per PersonLookup on the request thread, without TLS, HTTP or the load
 * process: a short isolated loop (CPU time of this thread) over what the request listener does
 * between the bytes of a body and the queued record — decode, SOAP pipeline (content type, DTD
 * refusal, shape scan, xmldom parse, envelope, context model with agreement, handler), contract
 * validation, and the record. Its parts are timed the same way. Used to measure each step of
 * issue 15 where the shared machine makes the side-by-side's wall figures too noisy.
 *
 *   npx node bench/platform/request-path.ts [--n 20000] [--whole-only]
 *
 * `--whole-only` leaves the parts out (for a --cpu-prof of the request path alone).
 */
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../../catalog/load-catalog.ts';
import { personLookupAction } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { personLookupBodies } from './lookup-bodies.ts';
import { recordedMessage } from '../../conformance/platform/recorder/exchange-record.ts';
import { decodeBody } from '../../conformance/platform/server/decode-body.ts';
import { defaultLimits } from '../../conformance/platform/server/limits.ts';
import { Router } from '../../conformance/platform/server/router.ts';
import { parseXmlFast } from '../../conformance/platform/server/fast-xml.ts';
import { parseSafeXml } from '../../conformance/platform/server/safe-xml.ts';
import { scanXmlShape } from '../../conformance/platform/server/xml-shape.ts';
import { runSoapPipeline } from '../../conformance/platform/server/soap-pipeline.ts';
import { loadModules, startPlatform } from '../../conformance/platform/server/start-platform.ts';
import { validateExchange } from '../../conformance/platform/server/validate-exchange.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '20000' }, 'whole-only': { type: 'boolean', default: false } },
});
const n = Number(values.n);
const { catalog } = await loadCatalog();
const dataDir = mkdtempSync(join(tmpdir(), 'klarmeld-request-path-'));
const platform = await startPlatform({ dataDir, port: 0, catalog, validation: true, recording: false });
try {
  const system = await platform.admin.addSystem({ name: 'Bench' });
  const agreement = platform.admin.addAgreement({ system: 'Bench', service: 'SF1520', municipalityCvr: '11111111' });
  const certificate = new X509Certificate(readFileSync(system.cert));
  const caller = {
    systemUuid: system.systemUuid,
    systemName: 'Bench',
    subject: certificate.subject,
    fingerprint: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
    certificate,
  };
  const bodies = personLookupBodies(system.systemUuid, agreement).map((body) => Buffer.from(body));
  const path = '/service/CPR/PersonBaseDataExtended/4';
  const handler = new Router(await loadModules(catalog, [])).soapHandler(path)!;
  const headers = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };
  const xmlLimits = { maxDepth: defaultLimits.maxXmlDepth, maxNodes: defaultLimits.maxXmlNodes };
  const services = platform.services;
  const sink: unknown[] = [];

  async function whole(i: number): Promise<void> {
    const { text } = decodeBody(bodies[i % bodies.length]!, headers['content-type']);
    const receivedAt = new Date();
    const reply = await runSoapPipeline(
      handler,
      { path, headers, body: text, xmlLimits, caller, receivedAt },
      services,
    );
    if (reply.status !== 200) throw new Error(`answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    const findings = [...reply.findings, ...validateExchange(services.validation, handler, reply)];
    if (findings.length) throw new Error(`findings: ${JSON.stringify(findings)}`);
    sink[i & 1023] = {
      request: recordedMessage(headers['content-type'], text, defaultLimits.recordCapBytes),
      response: recordedMessage(reply.contentType, reply.body, defaultLimits.recordCapBytes),
    };
  }
  const texts = bodies.map((b) => b.toString('utf8'));
  const onError = (level: string, message: string) => {
    if (level !== 'warning') throw new Error(message);
  };
  const parts: [string, (i: number) => unknown][] = values['whole-only']
    ? []
    : [
        ['parseSafeXml (DTD refusal, shape scan, parse)', (i) => parseSafeXml(texts[i % texts.length]!, xmlLimits)],
        ['  shape scan', (i) => scanXmlShape(texts[i % texts.length]!, xmlLimits)],
        ['  fast reader (fast-xml.ts)', (i) => parseXmlFast(texts[i % texts.length]!)],
        [
          '  xmldom DOMParser alone',
          (i) => new DOMParser({ onError, locator: false }).parseFromString(texts[i % texts.length]!, 'text/xml'),
        ],
      ];

  const cpu = () => {
    const c = process.threadCpuUsage();
    return c.user + c.system;
  };
  for (let i = 0; i < 3000; i++) await whole(i);
  for (const [, part] of parts) for (let i = 0; i < 3000; i++) part(i);
  const figures: Record<string, number[]> = {};
  for (let round = 0; round < 3; round++) {
    let started = cpu();
    for (let i = 0; i < n; i++) await whole(i);
    (figures['whole request path'] ??= []).push((cpu() - started) / n);
    for (const [name, part] of parts) {
      started = cpu();
      for (let i = 0; i < n; i++) sink[i & 1023] = part(i);
      (figures[name] ??= []).push((cpu() - started) / n);
    }
  }
  for (const [name, runs] of Object.entries(figures))
    console.log(`${name}: ${runs.map((r) => r.toFixed(1)).join(' / ')} µs CPU per request (3 rounds of ${n})`);
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
