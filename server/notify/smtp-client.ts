/**
 * A small SMTP client over node:net (RFC 5321): greeting, EHLO (HELO when refused), STARTTLS
 * and AUTH PLAIN when the URL carries a user (a password never goes unencrypted), MAIL FROM,
 * RCPT TO, DATA with dot-stuffing, QUIT. `smtps://` speaks TLS from the first byte (port 465). It sends one message per connection: notifications
 * are few, and a fresh connection has no state to go wrong.
 */
import { connect as tcp, isIP, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as tls } from 'node:tls';
import { SmtpError } from './smtp-error.ts';
import { replyReader } from './smtp-replies.ts';

export { SmtpError } from './smtp-error.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (smtps://). */
  secure: boolean;
  user?: string;
  password?: string;
  /** Certificate authorities to trust for TLS besides the system's (PEM). */
  ca?: string;
  /** The name this side gives in EHLO. */
  clientName: string;
  timeoutMs: number;
}

/** Reads `smtp://[user:password@]host[:port]` (default port 25) or `smtps://…` (465); throws with what is wrong. */
export function parseSmtpUrl(text: string): SmtpConfig {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--smtp ${text} is not a URL: write smtp://host:port (or smtps://user:password@host:465).`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`--smtp ${text}: the URL must start with smtp:// or smtps://, not ${url.protocol}//.`);
  if (!url.hostname) throw new Error(`--smtp ${text} names no host: write smtp://host:port.`);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    ...(url.username ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : {}),
    // Seven replies at most 15 s each stay within the dispatcher's 2-minute lease: no second instance sends it meanwhile.
    clientName: hostname() || 'klarmeld',
    timeoutMs: 15_000,
  };
}

/** Sends one message (`data`: the RFC 5322 text with CRLF line ends); resolves with the server's reply to the data. */
export async function sendMail(
  config: SmtpConfig,
  envelope: { from: string; to: string[] },
  data: string,
): Promise<string> {
  const servername = isIP(config.host) ? undefined : config.host;
  let socket: Socket = config.secure
    ? tls({
        host: config.host,
        port: config.port,
        ...(servername ? { servername } : {}),
        ...(config.ca ? { ca: config.ca } : {}),
      })
    : tcp({ host: config.host, port: config.port });
  let replies = replyReader(socket, config);
  const say = async (line: string, expect: number[], shown = line) => {
    socket.write(`${line}\r\n`);
    return replies.next(expect, shown);
  };
  const ehlo = () =>
    say(`EHLO ${config.clientName}`, [250]).catch(async (error: unknown) => {
      if (error instanceof SmtpError && error.code >= 500) return say(`HELO ${config.clientName}`, [250]);
      throw error;
    });
  try {
    await replies.next([220], 'the greeting');
    let hello = await ehlo();
    // A password goes only over TLS: STARTTLS when the server offers it, else refuse before AUTH.
    if (config.user && !config.secure) {
      if (!/^250[- ]STARTTLS/im.test(hello))
        throw new SmtpError(
          0,
          `The SMTP server ${config.host}:${config.port} offers no STARTTLS: will not send the password of ${config.user} unencrypted. Use smtps:// (TLS from the start), or a relay that takes mail without a password.`,
        );
      await say('STARTTLS', [220]);
      replies.detach();
      socket = await upgrade(socket, config, servername);
      replies = replyReader(socket, config);
      hello = await ehlo();
    }
    const eightBit = /^250[- ]8BITMIME/im.test(hello);
    if (config.user)
      await say(
        `AUTH PLAIN ${Buffer.from(`\0${config.user}\0${config.password ?? ''}`).toString('base64')}`,
        [235],
        'AUTH PLAIN (credentials)',
      );
    await say(`MAIL FROM:<${envelope.from}>${eightBit ? ' BODY=8BITMIME' : ''}`, [250]);
    for (const to of envelope.to) await say(`RCPT TO:<${to}>`, [250, 251]);
    await say('DATA', [354]);
    const stuffed = data
      .replace(/\r?\n/g, '\r\n')
      .split('\r\n')
      .map((line) => (line.startsWith('.') ? `.${line}` : line))
      .join('\r\n');
    hello = await say(`${stuffed}\r\n.`, [250], 'the message');
    await say('QUIT', [221]).catch(() => undefined);
    return hello;
  } finally {
    replies.detach();
    socket.destroy();
  }
}

/** TLS over the connection after STARTTLS, the server's certificate checked (against `ca` when given). */
function upgrade(socket: Socket, config: SmtpConfig, servername: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const secure = tls({
      socket,
      host: config.host,
      ...(servername ? { servername } : {}),
      ...(config.ca ? { ca: config.ca } : {}),
    });
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new SmtpError(
          0,
          `STARTTLS with the SMTP server ${config.host}:${config.port} failed: ${error.code ?? error.message}.`,
        ),
      ),
    );
  });
}
