/**
 * Hostile request bodies against the real platform (its own process, real mutual TLS): can one
 * system's XML stall the others? Four 500,000-element bodies are kept in flight by one system
 * while another system calls PersonLookup; then each hostile body is sent once, beside one good
 * call, and its fault is printed. Also sends the largest bodies the XML limits let through, to
 * show what one accepted request can cost the others.
 *
 *   npx node bench/abuse/hostile-bodies.ts [--duration 10]
 *
 * Prints JSON: the good call's latencies during the flood, the platform's peak RSS (VmHWM, reset
 * before the flood), and status, ErrorCode and fault text of every hostile body.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { Agent, request } from 'undici';
import { personLookupAction, personLookupEnvelope } from '../../conformance/clients/cpr/person-lookup-envelope.ts';
import { buildIssueRequest } from '../../conformance/clients/tokens/index.ts';
import { defaultLimits } from '../../conformance/platform/server/limits.ts';
import { stsPath } from '../../conformance/platform/sts/index.ts';

interface ChildSystem {
  cert: string;
  key: string;
  ca: string;
  systemUuid: string;
  agreementUuid: string;
  serviceUuid: string;
}

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } } });
const durationMs = Number(values.duration) * 1000;

const child = spawn(process.execPath, [fileURLToPath(new URL('./platform-child.ts', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
const { url, pid, systems } = JSON.parse(first) as {
  url: string;
  pid: number;
  systems: Record<'Attacker' | 'Good', ChildSystem>;
};

const agentOf = (s: ChildSystem, connections: number) =>
  new Agent({
    connect: { ca: readFileSync(s.ca), cert: readFileSync(s.cert), key: readFileSync(s.key) },
    connections,
    bodyTimeout: 300_000,
    headersTimeout: 300_000,
  });
const attacker = agentOf(systems.Attacker, 8);
const good = agentOf(systems.Good, 1);
const cprPath = '/service/CPR/PersonBaseDataExtended/4';
const soap11 = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };

const lookupOf = (s: ChildSystem, pnr = '0103701111') =>
  personLookupEnvelope({
    pnr,
    invocation: {
      serviceAgreementUuid: s.agreementUuid,
      userSystemUuid: s.systemUuid,
      userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
      serviceUuid: s.serviceUuid,
    },
  });
const goodBody = lookupOf(systems.Good);
const attackerBody = lookupOf(systems.Attacker);
const inRequest = (inner: string) =>
  attackerBody.replace('</ns:PersonLookupRequest>', `${inner}</ns:PersonLookupRequest>`);
const nested = (levels: number) => `${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`;
/** `text` with `marker` replaced by raw bytes (which may not be UTF-8). */
const withBytes = (text: string, marker: string, bytes: number[]) => {
  const [before, after] = text.split(marker) as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
};

/** The signed STS request with deep nesting added to its (signed) Body afterwards: the verifier must canonicalise it. */
function signedDeep(levels: number): string {
  const s = systems.Attacker;
  const rst = buildIssueRequest({
    certPem: readFileSync(s.cert, 'utf8'),
    keyPem: readFileSync(s.key, 'utf8'),
    entityId: 'http://stoettesystemerne.dk/service/organisation/3',
    cvr: '11111111',
    to: `${url}${stsPath}`,
  });
  return rst.replace('</soap:Body>', `${nested(levels)}</soap:Body>`);
}

const limits = defaultLimits;
const room = limits.maxXmlNodes - 40; // the envelope's own nodes: 12 elements, their attributes and namespace declarations
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
const hostile: { name: string; path: string; headers: Record<string, string>; body: string | Buffer }[] = [
  { name: '500,000 elements', path: cprPath, headers: soap11, body: inRequest('<a/>'.repeat(500_000)) },
  { name: '100,000 levels of nesting', path: cprPath, headers: soap11, body: inRequest(nested(100_000)) },
  {
    name: 'signed STS request with 20,000 levels of nesting in its Body',
    path: stsPath,
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: signedDeep(20_000),
  },
  {
    name: 'invalid UTF-8 in an element name (byte FF)',
    path: cprPath,
    headers: soap11,
    body: withBytes(inRequest('<x#y/>'), '#', [0xff]),
  },
  {
    name: 'invalid UTF-8 in the PNR (bytes FF FE)',
    path: cprPath,
    headers: soap11,
    body: withBytes(attackerBody.replace('0103701111', '0103#701111'), '#', [0xff, 0xfe]),
  },
  {
    name: 'malformed XML (mismatched end tag)',
    path: cprPath,
    headers: soap11,
    body: attackerBody.replace('</pnr:PNR>', '</pnr:PNX>'),
  },
  {
    name: '400,000 &amp; references in one text',
    path: cprPath,
    headers: soap11,
    body: inRequest(`<a>${'&amp;'.repeat(400_000)}</a>`),
  },
  {
    name: '80,000 namespace declarations on one element',
    path: cprPath,
    headers: soap11,
    body: inRequest(`<a ${many(80_000, (i) => `xmlns:p${i}="u:${i}" `)}/>`),
  },
  {
    name: '200,000 attributes written without spaces (a=""b="")',
    path: cprPath,
    headers: soap11,
    body: inRequest(`<a q=""${many(200_000, (i) => `a${i}=""`)}/>`),
  },
  { name: '280,000 comments', path: cprPath, headers: soap11, body: inRequest('<!---->'.repeat(280_000)) },
  // The costliest bodies the limits let through: what one accepted request can cost the others.
  {
    name: `${room} empty elements (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest('<a/>'.repeat(room)),
  },
  {
    name: `${Math.floor(room / 3)} elements with their own namespace and an attribute (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest('<p:e xmlns:p="urn:x" a="v">t</p:e>'.repeat(Math.floor(room / 3))),
  },
  {
    name: `${room} namespace declarations on one element (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest(`<a ${many(room, (i) => `xmlns:p${i}="u:${i}" `)}/>`),
  },
  {
    name: `${room} attributes on one element (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest(`<a ${many(room, (i) => `a${i}="v" `)}/>`),
  },
  {
    name: `${room} processing instructions (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest('<?p?>'.repeat(room)),
  },
  {
    name: `${limits.maxXmlDepth - 4} levels of nesting (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest(nested(limits.maxXmlDepth - 4)),
  },
  {
    // Once read in time texts × body length: each text searched the rest of the body for '&' (fixed 343dc43).
    name: `${Math.floor(room / 3)} short texts before 1 MiB of text and one reference (under the limit)`,
    path: cprPath,
    headers: soap11,
    body: inRequest(`<r>${'<b/>x'.repeat(Math.floor(room / 3))}${'y'.repeat(2 ** 20)}&amp;</r>`),
  },
];

async function post(agent: Agent, path: string, body: string | Buffer, headers: Record<string, string>) {
  const started = performance.now();
  const res = await request(`${url}${path}`, { method: 'POST', body, headers, dispatcher: agent });
  const text = await res.body.text();
  const ms = Math.round(performance.now() - started);
  const code = /<spf:ErrorCode>([^<]*)</.exec(text)?.[1] ?? /<(?:env:)?Value>([^<]*)</.exec(text)?.[1];
  const reason = /<faultstring>([^<]*)</.exec(text)?.[1] ?? /<(?:env:|soap:)?Text[^>]*>([^<]*)</.exec(text)?.[1];
  return { status: res.statusCode, ms, code, text: reason?.slice(0, 400) };
}

const goodCall = () => post(good, cprPath, goodBody, soap11);
const statusFile = `/proc/${pid}/status`;
const kib = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(statusFile, 'utf8'))?.[1] ?? NaN);
const mib = (k: number) => Math.round(k / 1024);
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: s[Math.floor(s.length / 2)], p99: s[Math.floor(s.length * 0.99)], max: s.at(-1) };
};

await goodCall(); // warm: TLS session, caches
const rssBeforeMiB = mib(kib('VmRSS'));
try {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
} catch {
  /* peak then includes start-up */
}

// The flood: four 500k-element bodies in flight all the time, one good PersonLookup every 100 ms.
const flood = hostile[0]!;
const floodEnd = Date.now() + durationMs;
const attacks: { status: number; ms: number; code?: string }[] = [];
const attackLoops = Array.from({ length: 4 }, async () => {
  while (Date.now() < floodEnd) attacks.push(await post(attacker, flood.path, flood.body, flood.headers));
});
const goodLatencies: number[] = [];
const goodStatuses = new Set<number>();
let sampledPeakKiB = 0;
const sampler = setInterval(() => (sampledPeakKiB = Math.max(sampledPeakKiB, kib('VmRSS'))), 20);
while (Date.now() < floodEnd) {
  const r = await goodCall();
  goodLatencies.push(r.ms);
  goodStatuses.add(r.status);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await Promise.all(attackLoops);
clearInterval(sampler);
const peak = { vmHwmMiB: mib(kib('VmHWM')), sampledMiB: mib(sampledPeakKiB) };

// Each hostile body three times, each time with one good call sent 5 ms after it (the first
// time also pays for cold code paths, so all three are shown).
const each = [];
for (const h of hostile) {
  const ms: number[] = [];
  const goodCallMs: number[] = [];
  let last: Awaited<ReturnType<typeof post>> | undefined;
  for (let round = 0; round < 3; round += 1) {
    const bad = post(attacker, h.path, h.body, h.headers);
    await new Promise((resolve) => setTimeout(resolve, 5));
    goodCallMs.push((await goodCall()).ms);
    last = await bad;
    ms.push(last.ms);
  }
  each.push({
    body: h.name,
    bytes: Buffer.byteLength(h.body),
    status: last!.status,
    code: last!.code,
    text: last!.text,
    ms,
    goodCallMs,
  });
}

const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  load: (await promisify(execFile)('cat', ['/proc/loadavg'])).stdout.trim(),
  date: new Date().toISOString(),
};
const summary = (xs: typeof attacks) => ({
  requests: xs.length,
  statuses: [...new Set(xs.map((a) => a.status))],
  codes: [...new Set(xs.map((a) => a.code))],
  ...stats(xs.map((a) => a.ms)),
});
process.stdout.write(
  `${JSON.stringify(
    {
      machine,
      limits: { maxBodyBytes: limits.maxBodyBytes, maxXmlNodes: limits.maxXmlNodes, maxXmlDepth: limits.maxXmlDepth },
      flood: {
        durationS: durationMs / 1000,
        inFlight: 4,
        body: flood.name,
        attacks: summary(attacks),
        goodPersonLookupMs: stats(goodLatencies),
        goodStatuses: [...goodStatuses],
        rssBeforeMiB,
        peakRss: peak,
      },
      each,
    },
    null,
    2,
  )}\n`,
);
await Promise.all([attacker.close(), good.close()]);
child.stdin!.end();
await new Promise((resolve) => child.once('exit', resolve));
