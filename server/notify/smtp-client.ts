/**
 * A small SMTP client over node:net (RFC 5321): greeting, EHLO (HELO when refused), AUTH PLAIN
 * when the URL carries a user, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. `smtps://`
 * speaks TLS from the first byte (port 465). It sends one message per connection: notifications
 * are few, and a fresh connection has no state to go wrong.
 */
import { connect as tcp, isIP, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as tls } from 'node:tls';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (smtps://). */
  secure: boolean;
  user?: string;
  password?: string;
  /** The name this side gives in EHLO. */
  clientName: string;
  timeoutMs: number;
}

/** An SMTP server's refusal, or a failure to speak with it: `code` is the reply code (0 when none came). */
export class SmtpError extends Error {
  override name = 'SmtpError';
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
  /** A 5xx reply: the same message will be refused again. */
  get permanent(): boolean {
    return this.code >= 500;
  }
}

/** Reads `smtp://[user:password@]host[:port]` (default port 25) or `smtps://…` (465); throws with what is wrong. */
export function parseSmtpUrl(text: string): SmtpConfig {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--smtp ${text} is not a URL: write smtp://host:port (or smtps://user:password@host:465).`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`--smtp ${text}: the URL must start with smtp:// or smtps://, not ${url.protocol}//.`);
  if (!url.hostname) throw new Error(`--smtp ${text} names no host: write smtp://host:port.`);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : secure ? 465 : 25, secure,
    ...(url.username ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : {}),
    // Seven replies at most 15 s each stay within the dispatcher's 2-minute lease: no second instance sends it meanwhile.
    clientName: hostname() || 'klarmeld', timeoutMs: 15_000,
  };
}

const loopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

/** Sends one message (`data`: the RFC 5322 text with CRLF line ends); resolves with the server's reply to the data. */
export async function sendMail(config: SmtpConfig, envelope: { from: string; to: string[] }, data: string): Promise<string> {
  if (config.user && !config.secure && !loopback(config.host)) {
    throw new SmtpError(0, `Will not send the SMTP password for ${config.user} unencrypted to ${config.host}: use smtps:// (TLS), or a relay on this machine.`);
  }
  const socket: Socket = config.secure ? tls({ host: config.host, port: config.port, servername: isIP(config.host) ? undefined : config.host }) : tcp({ host: config.host, port: config.port });
  const replies = replyReader(socket, config);
  const say = async (line: string, expect: number[], shown = line) => {
    socket.write(`${line}\r\n`);
    return replies.next(expect, shown);
  };
  try {
    await replies.next([220], 'the greeting');
    let hello = await say(`EHLO ${config.clientName}`, [250]).catch(async (error: unknown) => {
      if (error instanceof SmtpError && error.code >= 500) return say(`HELO ${config.clientName}`, [250]);
      throw error;
    });
    const eightBit = /^250[- ]8BITMIME/im.test(hello);
    if (config.user) await say(`AUTH PLAIN ${Buffer.from(`\0${config.user}\0${config.password ?? ''}`).toString('base64')}`, [235], 'AUTH PLAIN (credentials)');
    await say(`MAIL FROM:<${envelope.from}>${eightBit ? ' BODY=8BITMIME' : ''}`, [250]);
    for (const to of envelope.to) await say(`RCPT TO:<${to}>`, [250, 251]);
    await say('DATA', [354]);
    const stuffed = data.replace(/\r?\n/g, '\r\n').split('\r\n').map((line) => (line.startsWith('.') ? `.${line}` : line)).join('\r\n');
    hello = await say(`${stuffed}\r\n.`, [250], 'the message');
    await say('QUIT', [221]).catch(() => undefined);
    return hello;
  } finally {
    replies.stop();
    socket.destroy();
  }
}

/** Reads whole replies (multi-line ones end at "NNN "), one at a time, with a deadline for each. */
function replyReader(socket: Socket, config: SmtpConfig) {
  let buffer = '';
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    wake?.();
  });
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  socket.on('error', (error: NodeJS.ErrnoException) => fail(new SmtpError(0, `Could not talk to the SMTP server ${config.host}:${config.port}: ${error.code ?? error.message}.`)));
  socket.on('close', () => fail(new SmtpError(0, `The SMTP server ${config.host}:${config.port} closed the connection.`)));
  const take = (): string | undefined => {
    const match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer);
    if (!match) return undefined;
    buffer = buffer.slice(match[0].length);
    return match[0];
  };
  return {
    async next(expect: number[], what: string): Promise<string> {
      const deadline = Date.now() + config.timeoutMs;
      for (;;) {
        const reply = take();
        if (reply) {
          const code = Number(reply.slice(0, 3));
          if (expect.includes(code)) return reply;
          throw new SmtpError(code, `The SMTP server ${config.host}:${config.port} answered ${what} with "${reply.trim().replaceAll(/\r?\n/g, ' ')}".`);
        }
        if (failure) throw failure;
        const left = deadline - Date.now();
        if (left <= 0) throw new SmtpError(0, `The SMTP server ${config.host}:${config.port} gave no answer to ${what} within ${config.timeoutMs / 1000} s.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    },
    stop() {
      wake?.();
    },
  };
}
