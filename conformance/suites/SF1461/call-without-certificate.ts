import { isIP } from 'node:net';
import { connect } from 'node:tls';

/**
 * How a callback endpoint met a caller that presented no client certificate:
 * - `refused-in-handshake`: a TLS alert saying a certificate is required (TLS 1.3
 *   certificate_required, or TLS 1.2 handshake_failure / bad_certificate);
 * - `closed-after-handshake`: the handshake finished without a certificate and the endpoint
 *   reset or closed the connection before any HTTP answer (a server that checks the
 *   certificate itself after the handshake);
 * - `answered`: it let the caller in and answered HTTP;
 * - `inconclusive`: the connection was refused, the name did not resolve, nothing came back in
 *   time, or it closed before the handshake: that says nothing about certificates.
 */
export type AnswerWithoutCertificate =
  | { kind: 'refused-in-handshake'; detail: string }
  | { kind: 'closed-after-handshake'; detail: string }
  | { kind: 'answered'; status: number }
  | { kind: 'inconclusive'; detail: string };

// OpenSSL's error codes as Node names them (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED,
// ERR_SSL_SSL/TLS_ALERT_HANDSHAKE_FAILURE or ERR_SSL_SSLV3_ALERT_… by OpenSSL version).
const certificateAlerts = /^ERR_SSL_.*ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE)$/;

/**
 * POSTs `body` to an HTTPS URL over a TLS connection that presents no client certificate (and
 * does not check the server's: the question is only whether the endpoint lets such a caller
 * in), and says how the endpoint met it. Plain `node:tls`, because an HTTP client hides
 * whether a reset came before or after the handshake.
 */
export function callWithoutCertificate(
  url: string,
  options: { body: string; timeoutMs: number },
): Promise<AnswerWithoutCertificate> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    let handshakeDone = false;
    let received = '';
    let settled = false;
    const socket = connect({
      host,
      port: Number(target.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const finish = (answer: AnswerWithoutCertificate) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(
      () =>
        finish({
          kind: 'inconclusive',
          detail: `nothing came back within ${options.timeoutMs} ms${handshakeDone ? ' after the TLS handshake' : ''}`,
        }),
      options.timeoutMs,
    );
    socket.once('secureConnect', () => {
      handshakeDone = true;
      const head = `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(options.body)}\r\nConnection: close\r\n\r\n`;
      socket.write(head + options.body);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(received);
      if (status) finish({ kind: 'answered', status: Number(status[1]) });
      // A status line comes in the first bytes; an endpoint that streams something else without
      // end must not fill the runner's memory until the timeout.
      else if (received.length > 64 * 1024)
        finish({
          kind: 'inconclusive',
          detail: `the endpoint sent more than 64 KiB that is not HTTP: ${received.slice(0, 80)}`,
        });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const detail = `${error.code ?? error.name}: ${error.message}`;
      if (certificateAlerts.test(error.code ?? '')) finish({ kind: 'refused-in-handshake', detail });
      else if (handshakeDone && received === '') finish({ kind: 'closed-after-handshake', detail });
      else finish({ kind: 'inconclusive', detail: handshakeDone ? detail : `${detail} (before the TLS handshake)` });
    });
    socket.once('close', () => {
      if (handshakeDone && received === '')
        finish({ kind: 'closed-after-handshake', detail: 'the connection was closed without an HTTP answer' });
      else
        finish({
          kind: 'inconclusive',
          detail: handshakeDone
            ? `the endpoint sent something that is not HTTP: ${received.slice(0, 80)}`
            : 'the connection closed before the TLS handshake',
        });
    });
  });
}
