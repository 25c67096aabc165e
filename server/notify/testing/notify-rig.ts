/**
 * What the notification tests share: a server store and a notify store in one temp SQLite file
 * (as the server has them), the real catalogue, a real webhook receiver, a real SMTP recorder,
 * and a Notifier on a clock the test moves. No timers run: the test calls `check()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../../catalog/index.ts';
import type { ServerStore } from '../../store/server-store.ts';
import { openSqliteServerStore } from '../../store/sqlite-server-store.ts';
import { Notifier } from '../notifier.ts';
import type { NotifyStore } from '../notify-store.ts';
import { parseSmtpUrl } from '../smtp-client.ts';
import { openSqliteNotifyStore } from '../sqlite-notify-store.ts';
import { startSmtpRecorder, type SmtpRecorder } from './smtp-recorder.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

export interface NotifyRig {
  server: ServerStore;
  store: NotifyStore;
  notifier: Notifier;
  hook: WebhookReceiver;
  smtp: SmtpRecorder;
  /** Sets the clock. */
  at(iso: string | Date): void;
  /** The certificates `certificateOf` answers with, by it-system UUID. */
  certificates: Map<string, string>;
  close(): Promise<void>;
}

export async function startNotifyRig(
  catalog: Catalog,
  suiteVersions: Record<string, string>,
  options: { warnDays?: number } = {},
): Promise<NotifyRig> {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-notify-'));
  let now = new Date('2026-12-02T10:00:00.000Z');
  const clock = () => now;
  const server = openSqliteServerStore(join(dir, 'sheet.sqlite'), { clock });
  const store = openSqliteNotifyStore(join(dir, 'sheet.sqlite'), { clock });
  const [hook, smtp] = await Promise.all([startWebhookReceiver(), startSmtpRecorder()]);
  const certificates = new Map<string, string>();
  const notifier = new Notifier({
    store,
    server,
    catalog,
    suiteVersions,
    clock,
    smtp: { ...parseSmtpUrl(smtp.url), clientName: 'klarmeld.test' },
    from: 'klarmeld@kombit.example',
    certificateOf: async (uuid) => certificates.get(uuid),
    certificateWarningDays: options.warnDays ?? 30,
    slowIntervalMs: 0,
  });
  return {
    server,
    store,
    notifier,
    hook,
    smtp,
    certificates,
    at: (iso) => (now = new Date(iso)),
    async close() {
      await Promise.all([hook.close(), smtp.close()]);
      await store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An e-mail's subject and text as a reader sees them (encoded words and base64 undone). */
export function readMail(data: string): { subject: string; text: string; headers: string } {
  const [headers = '', body = ''] = data.split('\r\n\r\n');
  const subject = (/^Subject: (.*(?:\r\n .*)*)/m.exec(headers)?.[1] ?? '')
    .split('\r\n ')
    .map((w) => w.replace(/^=\?UTF-8\?B\?(.*)\?=$/, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8')))
    .join('');
  return { subject, text: Buffer.from(body.replaceAll('\r\n', ''), 'base64').toString('utf8'), headers };
}
