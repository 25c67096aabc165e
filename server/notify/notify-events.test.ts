import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { issueCertificate } from '../../conformance/platform/index.ts';
import { loadOrCreateCa } from '../../conformance/platform/index.ts';
import { suitesFor } from '../../conformance/suites/index.ts';
import type { Subscription } from './notify-store.ts';
import { readMail, startNotifyRig, type NotifyRig } from './testing/notify-rig.ts';
import { newWebhookSecret } from './webhook-signature.ts';

let catalog: Catalog;
let suiteVersions: Record<string, string>;
let rig: NotifyRig | undefined;
beforeAll(async () => {
  catalog = (await loadCatalog()).catalog;
  suiteVersions = Object.fromEntries(Object.entries(suitesFor(catalog)).map(([id, s]) => [id, s.version]));
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

// journalix: supplier 99990005, used by eight municipalities.
const journalix = () => catalog.systems.find((s) => s.id === 'journalix')!;
const municipality = (cvr: string) => catalog.municipalities.find((m) => m.cvr === cvr)!;
const everything = [
  'status.changed',
  'agreement.waiting',
  'status.stale',
  'certificate.expiring',
] as Subscription['events'];
const runEvent = (runId: string, status = 'klarmeldt', integration = 'SF1520') => ({
  system: 'journalix',
  integration,
  status,
  actor: 'server',
  source: 'run' as const,
  evidence: { runId, digest: 'd'.repeat(64), keyTrusted: true },
});

async function subscribe(r: NotifyRig) {
  const user = municipality(journalix().municipalities[1]!);
  await r.store.addSubscription({
    id: 'kombit-hook',
    owner: { id: 'k', role: 'kombit', name: 'KOMBIT' },
    channel: 'webhook',
    target: r.hook.url,
    events: everything,
    secret: newWebhookSecret(),
  });
  await r.store.addSubscription({
    id: 'supplier-mail',
    owner: { id: 's5', role: 'supplier', name: 'Supplier 5', cvr: '99990005' },
    channel: 'email',
    target: 'drift@supplier5.example',
    events: everything,
  });
  await r.store.addSubscription({
    id: 'other-supplier',
    owner: { id: 's1', role: 'supplier', name: 'Supplier 1', cvr: '99990001' },
    channel: 'email',
    target: 'drift@supplier1.example',
    events: everything,
  });
  await r.store.addSubscription({
    id: 'municipality-mail',
    owner: { id: 'm', role: 'municipality', name: user.name, municipalityCode: user.code },
    channel: 'email',
    target: 'it@kommune.example',
    events: everything,
  });
  return user;
}
const heard = async (r: NotifyRig) =>
  Object.fromEntries(
    (await r.store.deliveries()).reduce(
      (m, d) => m.set(d.subscriptionId, [...(m.get(d.subscriptionId) ?? []), d.type].sort()),
      new Map<string, string[]>(),
    ),
  );

it('tells of a status change, and of the agreements the declaration leaves waiting, to those who may read them', async () => {
  rig = await startNotifyRig(catalog, suiteVersions);
  const user = await subscribe(rig);
  // What was in the sheet before notifications began is not announced.
  await rig.server.appendRunEvents('run-0', [runEvent('run-0', 'ikke-klarmeldt')]);
  expect(await rig.notifier.check()).toEqual([]);
  const approver = journalix().municipalities[0]!;
  await rig.server.decideAgreement({
    systemId: 'journalix',
    integration: 'SF1520',
    municipalityCvr: approver,
    decision: 'approved',
    actor: 'm0',
  });
  await rig.server.appendRunEvents('run-1', [runEvent('run-1')]);
  const events = await rig.notifier.check();
  expect(events.map((e) => e.type)).toEqual(['status.changed', 'agreement.waiting']);
  expect(await heard(rig)).toEqual({
    'kombit-hook': ['agreement.waiting', 'status.changed'],
    'supplier-mail': ['agreement.waiting', 'status.changed'],
    'municipality-mail': ['agreement.waiting', 'status.changed'],
  });
  const [changed, waiting] = rig.hook.received.map((r) => JSON.parse(r.body));
  expect(changed).toMatchObject({
    type: 'status.changed',
    data: {
      system: { id: 'journalix' },
      integration: 'SF1520',
      status: 'klarmeldt',
      previous: { status: 'ikke-klarmeldt' },
      runId: 'run-1',
    },
  });
  const waitingFor = (waiting.data.municipalities as { cvr: string }[]).map((m) => m.cvr);
  expect(waitingFor).not.toContain(approver);
  expect(waitingFor).toContain(user.cvr);
  expect(waitingFor).toHaveLength(journalix().municipalities.length - 1);
  const mail = rig.smtp.messages.find(
    (m) => m.to[0] === 'drift@supplier5.example' && /X-Klarmeld-Event: status.changed/.test(m.data),
  )!;
  expect(readMail(mail.data)).toMatchObject({
    subject: '[klarmeld] Journalix: SF1520 er nu Klarmeldt'.replace('Journalix', journalix().name),
  });
  const no = catalog.statuses.find((s) => s.code === 'ikke-klarmeldt')!;
  const text = readMail(mail.data).text;
  expect(text).toContain(`er ændret fra ${no.label} til Klarmeldt`);
  expect(text.indexOf('-- English --')).toBeLessThan(text.indexOf(`changed from ${no.labelEn} to Declared ready`));
  // The same status again is no change: nothing new.
  await rig.server.appendRunEvents('run-2', [runEvent('run-2')]);
  expect(await rig.notifier.check()).toEqual([]);
});

it('tells that a recorded status is stale when its suite or a contract version is newer than its run', async () => {
  rig = await startNotifyRig(catalog, suiteVersions);
  await subscribe(rig);
  await rig.notifier.check();
  const old = { finishedAt: '2018-06-01T12:00:00.000Z', suites: [{ integration: 'SF1520', version: '1.0.0' }] };
  const fresh = {
    finishedAt: '2026-11-30T12:00:00.000Z',
    suites: [{ integration: 'SF1500', version: suiteVersions.SF1500 }],
  };
  for (const [id, document] of [
    ['run-old', old],
    ['run-fresh', fresh],
  ] as const) {
    await rig.server.openRun({ id, systemId: 'journalix', supplierCvr: '99990005', openedBy: 's5' });
    await rig.server.endRun(id, { state: 'finished', document: JSON.stringify(document), exitCode: 0 });
  }
  await rig.server.appendRunEvents('run-old', [runEvent('run-old')]);
  await rig.server.appendRunEvents('run-fresh', [runEvent('run-fresh', 'klarmeldt', 'SF1500')]);
  const stale = (await rig.notifier.check()).filter((e) => e.type === 'status.stale');
  const sf1520 = catalog.integrations
    .find((i) => i.id === 'SF1520')!
    .versions.filter((v) => v.validFrom! > '2018-06-01')
    .at(-1)!;
  expect(stale.map((e) => [e.payload.integration, e.payload.why, e.payload.suite ?? e.payload.contract])).toEqual([
    ['SF1520', 'suite', { run: '1.0.0', now: suiteVersions.SF1520 }],
    ['SF1520', 'contract', { version: sf1520.version, validFrom: sf1520.validFrom, lifecycle: sf1520.lifecycle }],
  ]);
  const mail = rig.smtp.messages.find((m) => m.to[0] === 'drift@supplier5.example' && /status.stale/.test(m.data))!;
  expect(readMail(mail.data).text).toContain('Kør testen igen');
  expect(await rig.notifier.check()).toEqual([]);
});

it('warns of a system certificate within the warning period, once per certificate, to KOMBIT and its supplier', async () => {
  rig = await startNotifyRig(catalog, suiteVersions, { warnDays: 30 });
  await subscribe(rig);
  const caDir = mkdtempSync(join(tmpdir(), 'klarmeld-notify-ca-'));
  try {
    const ca = await loadOrCreateCa(caDir, new Date('2026-01-01T00:00:00Z'));
    const issued = await issueCertificate(ca, {
      subject: 'CN=journalix, O=Supplier 5, C=DK',
      kind: 'client',
      now: new Date('2026-01-01T00:00:00Z'),
      validYears: 1,
    });
    rig.certificates.set(journalix().userSystemUuid, issued.certPem);
    await rig.server.registerSystem({
      systemId: 'journalix',
      supplierCvr: '99990005',
      userSystemUuid: journalix().userSystemUuid,
      registeredBy: 's5',
    });
    const notAfter = new Date(new X509Certificate(issued.certPem).validTo);
    rig.at(new Date(notAfter.getTime() - 31 * 86_400_000));
    expect(await rig.notifier.check()).toEqual([]);
    rig.at(new Date(notAfter.getTime() - 10 * 86_400_000 - 1000));
    const [warning] = await rig.notifier.check();
    expect(warning).toMatchObject({
      type: 'certificate.expiring',
      payload: { daysLeft: 10, warnDays: 30, certificate: { notAfter: notAfter.toISOString() } },
    });
    expect(await heard(rig)).toEqual({
      'kombit-hook': ['certificate.expiring'],
      'supplier-mail': ['certificate.expiring'],
    });
    expect(readMail(rig.smtp.messages[0]!.data).text).toContain(
      `udløber ${notAfter.toISOString().slice(0, 10)}, om 10 dag(e)`,
    );
    rig.at(new Date(notAfter.getTime() - 1 * 86_400_000));
    expect(await rig.notifier.check()).toEqual([]);
  } finally {
    rmSync(caDir, { recursive: true, force: true });
  }
});

it('finds a change again when recording it failed: the cursor moves only past what was recorded', async () => {
  rig = await startNotifyRig(catalog, suiteVersions);
  await subscribe(rig);
  await rig.notifier.check();
  // More changes than the watcher re-reads behind its cursor (20), so only the cursor can keep them.
  for (let n = 1; n <= 25; n += 1)
    await rig.server.appendRunEvents(`run-${n}`, [
      runEvent(`run-${n}`, n % 2 ? 'ikke-klarmeldt' : 'delvist-klarmeldt'),
    ]);
  const { recordEvent } = rig.store;
  rig.store.recordEvent = async () => {
    throw new Error('the database went away');
  };
  await expect(rig.notifier.check()).rejects.toThrow('the database went away');
  rig.store.recordEvent = recordEvent;
  expect((await rig.notifier.check()).map((e) => e.key)).toEqual(
    Array.from({ length: 25 }, (_, i) => `status.changed:${i + 1}`),
  );
});
