/**
 * A tiny SMTP server for tests, on a real socket: it speaks enough RFC 5321 (EHLO/HELO, STARTTLS
 * when given a certificate, AUTH PLAIN, MAIL, RCPT, DATA with dot-unstuffing, QUIT), records the
 * whole dialogue (lines after STARTTLS marked as encrypted) and every
 * message, and refuses recipients as told (`rcpt`), so tests see what a relay would see.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';

export interface RecordedMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpRecorder {
  url: string;
  port: number;
  dialogue: { side: 'C' | 'S'; line: string; tls?: true }[];
  messages: RecordedMail[];
  /** Resolves with message number `n` (1-based) once it has come. */
  message(n: number): Promise<RecordedMail>;
  close(): Promise<void>;
}

export interface RecorderOptions {
  /** The reply to RCPT TO for an address (default "250 2.1.5 OK"). */
  rcpt?: (address: string) => string;
  /** Answer EHLO with 502, as an old server would. */
  noEhlo?: boolean;
  /** Offer STARTTLS with this server certificate. */
  tls?: { key: string; cert: string };
}

export async function startSmtpRecorder(options: RecorderOptions = {}): Promise<SmtpRecorder> {
  const dialogue: SmtpRecorder['dialogue'] = [];
  const messages: RecordedMail[] = [];
  const waiting: { n: number; resolve: (m: RecordedMail) => void }[] = [];
  const sockets = new Set<Socket>();
  const serve = (socket: Socket, encrypted: boolean) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const mark = encrypted ? { tls: true as const } : {};
    const reply = (text: string) => {
      for (const line of text.split('\r\n')) dialogue.push({ side: 'S', line, ...mark });
      socket.write(`${text}\r\n`);
    };
    let buffer = '';
    let data: string[] | undefined;
    let mail: RecordedMail = { from: '', to: [], data: '' };
    if (!encrypted) reply('220 recorder.test ESMTP');
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            dialogue.push({ side: 'C', line: `(${data.length} lines of message)`, ...mark });
            messages.push({ ...mail, data: data.join('\r\n') });
            for (const w of waiting.filter((w) => w.n === messages.length)) w.resolve(messages.at(-1)!);
            mail = { from: '', to: [], data: '' };
            data = undefined;
            reply(`250 2.0.0 queued as ${messages.length}`);
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        dialogue.push({ side: 'C', line, ...mark });
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO')
          reply(
            options.noEhlo
              ? '502 5.5.1 EHLO not supported'
              : `250-recorder.test\r\n250-8BITMIME\r\n${options.tls && !encrypted ? '250-STARTTLS\r\n' : ''}250-AUTH PLAIN\r\n250 SIZE 10000000`,
          );
        else if (verb === 'HELO') reply('250 recorder.test');
        else if (line.toUpperCase() === 'STARTTLS' && options.tls && !encrypted) {
          reply('220 2.0.0 Ready to start TLS');
          socket.removeListener('data', onData);
          serve(new TLSSocket(socket, { isServer: true, ...options.tls }), true);
          return;
        } else if (verb === 'AUTH') reply('235 2.7.0 Authentication successful');
        else if (verb === 'MAIL') ((mail.from = /<(.*)>/.exec(line)?.[1] ?? ''), reply('250 2.1.0 OK'));
        else if (verb === 'RCPT') {
          const address = /<(.*)>/.exec(line)?.[1] ?? '';
          const answer = options.rcpt?.(address) ?? '250 2.1.5 OK';
          if (answer.startsWith('25')) mail.to.push(address);
          reply(answer);
        } else if (verb === 'DATA') ((data = []), reply('354 End data with <CR><LF>.<CR><LF>'));
        else if (verb === 'QUIT') (reply('221 2.0.0 Bye'), socket.end());
        else reply('502 5.5.2 Command not recognised');
      }
    };
    socket.on('data', onData);
  };
  const server = createServer((socket) => serve(socket, false));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    dialogue,
    messages,
    message: (n) =>
      messages[n - 1] ? Promise.resolve(messages[n - 1]!) : new Promise((resolve) => waiting.push({ n, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
