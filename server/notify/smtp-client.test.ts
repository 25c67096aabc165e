import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { issueCertificate } from '../../conformance/platform/index.ts';
import { loadOrCreateCa } from '../../conformance/platform/index.ts';
import { parseSmtpUrl, sendMail, SmtpError } from './smtp-client.ts';
import { startSmtpRecorder, type SmtpRecorder } from './testing/smtp-recorder.ts';

let recorder: SmtpRecorder | undefined;
afterEach(async () => {
  await recorder?.close();
  recorder = undefined;
});

it('speaks SMTP: EHLO, MAIL FROM with 8BITMIME, RCPT TO, DATA dot-stuffed, QUIT', async () => {
  recorder = await startSmtpRecorder();
  const reply = await sendMail(
    { ...parseSmtpUrl(recorder.url), clientName: 'klarmeld.test' },
    { from: 'klarmeld@kombit.example', to: ['ops@acme.example'] },
    'Subject: hej\r\n\r\nline one\n.starts with a dot\r\n.',
  );
  expect(reply).toMatch(/^250 2\.0\.0 queued as 1/);
  expect(recorder.dialogue.filter((d) => d.side === 'C').map((d) => d.line)).toEqual([
    'EHLO klarmeld.test',
    'MAIL FROM:<klarmeld@kombit.example> BODY=8BITMIME',
    'RCPT TO:<ops@acme.example>',
    'DATA',
    '(5 lines of message)',
    'QUIT',
  ]);
  // The recorder unstuffs as a real server does: the text arrives as it was written, with CRLF line ends.
  expect(recorder.messages[0]).toEqual({
    from: 'klarmeld@kombit.example',
    to: ['ops@acme.example'],
    data: 'Subject: hej\r\n\r\nline one\r\n.starts with a dot\r\n.',
  });
});

it('falls back to HELO for a server without EHLO', async () => {
  recorder = await startSmtpRecorder({ noEhlo: true });
  await sendMail({ ...parseSmtpUrl(recorder.url), clientName: 'k' }, { from: 'a@b.example', to: ['c@d.example'] }, 'x');
  expect(
    recorder.dialogue
      .filter((d) => d.side === 'C')
      .map((d) => d.line)
      .slice(0, 3),
  ).toEqual(['EHLO k', 'HELO k', 'MAIL FROM:<a@b.example>']);
});

it('sends a password only after STARTTLS, checking the server certificate, and never to a server without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'klarmeld-smtp-tls-'));
  try {
    const ca = await loadOrCreateCa(dir, new Date());
    const server = await issueCertificate(ca, {
      subject: 'CN=127.0.0.1, O=SMTP recorder, C=DK',
      kind: 'server',
      ips: ['127.0.0.1'],
      now: new Date(),
    });
    recorder = await startSmtpRecorder({ tls: { key: server.keyPem, cert: server.certPem } });
    const config = { ...parseSmtpUrl(`smtp://kombit:s%C3%A6cret@127.0.0.1:${recorder.port}`), clientName: 'k' };
    await sendMail({ ...config, ca: ca.certPem }, { from: 'a@b.example', to: ['c@d.example'] }, 'x');
    expect(recorder.dialogue.filter((d) => d.side === 'C').map((d) => [d.line, d.tls ?? false])).toEqual([
      ['EHLO k', false],
      ['STARTTLS', false],
      ['EHLO k', true],
      [`AUTH PLAIN ${Buffer.from('\0kombit\0sæcret').toString('base64')}`, true],
      ['MAIL FROM:<a@b.example> BODY=8BITMIME', true],
      ['RCPT TO:<c@d.example>', true],
      ['DATA', true],
      ['(1 lines of message)', true],
      ['QUIT', true],
    ]);
    // A server certificate nobody vouches for: no password goes.
    await expect(sendMail(config, { from: 'a@b.example', to: ['c@d.example'] }, 'x')).rejects.toThrow(
      /STARTTLS with the SMTP server 127\.0\.0\.1:\d+ failed: UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED/,
    );
    await recorder.close();
    recorder = await startSmtpRecorder();
    await expect(
      sendMail(
        { ...parseSmtpUrl(`smtp://kombit:pw@127.0.0.1:${recorder.port}`), clientName: 'k' },
        { from: 'a@b.example', to: ['c@d.example'] },
        'x',
      ),
    ).rejects.toThrow(/offers no STARTTLS: will not send the password of kombit unencrypted/);
    expect(recorder.dialogue.some((d) => d.line.startsWith('AUTH'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('says which reply refused the message, and whether trying again can help', async () => {
  recorder = await startSmtpRecorder({
    rcpt: (address) => (address.startsWith('full') ? '452 4.2.2 Mailbox full' : '550 5.1.1 No such user'),
  });
  const send = (to: string) => sendMail(parseSmtpUrl(recorder!.url), { from: 'a@b.example', to: [to] }, 'x');
  const transient = await send('full@acme.example').catch((e: unknown) => e as SmtpError);
  expect(transient).toMatchObject({
    code: 452,
    permanent: false,
    message: expect.stringContaining('answered RCPT TO:<full@acme.example> with "452 4.2.2 Mailbox full"'),
  });
  expect(await send('nobody@acme.example').catch((e: unknown) => e as SmtpError)).toMatchObject({
    code: 550,
    permanent: true,
  });
  expect(recorder.messages).toEqual([]);
});

it('reads smtp:// and smtps:// URLs and refuses others with what to write', () => {
  expect(parseSmtpUrl('smtp://mail.example')).toMatchObject({ host: 'mail.example', port: 25, secure: false });
  expect(parseSmtpUrl('smtps://u:p@mail.example')).toMatchObject({ port: 465, secure: true, user: 'u', password: 'p' });
  expect(() => parseSmtpUrl('http://mail.example')).toThrow(/must start with smtp:\/\/ or smtps:\/\//);
  expect(() => parseSmtpUrl('mail.example:25')).toThrow(/smtp:\/\/ or smtps:\/\//);
});
