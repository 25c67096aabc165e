import type { Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Registry } from '../registry/registry-types.ts';
import type { Caller } from '../service-handler.ts';
import { callerOfCertificate } from './certificate-caller.ts';

/**
 * The certificate check after the TLS handshake. The server asks every client for a certificate
 * but lets the handshake finish without one (`requestCert`, no `rejectUnauthorized`): public
 * OIOIDWS client libraries call the holder-of-key endpoints without a TLS client certificate and
 * prove the caller by the message signature, and must get a SOAP fault, not a TLS alert.
 *
 * - A connection that shows a certificate must have one the platform CA issued and the CRL does
 *   not list (`socket.authorized`), of a registered it-system; otherwise the socket is destroyed
 *   before HTTP ever reads from it, so such a client never gets an HTTP response. A sweep closes
 *   live keep-alive connections of certificates revoked later (from another process too: the
 *   registry is read from SQLite).
 * - A connection without a certificate is admitted as anonymous: the request handler serves it
 *   only on holder-of-key endpoints and browser pages (the Context Handler's single sign-on and
 *   logout, proven by the SAML message's signature) and refuses it, with an answer that says why,
 *   everywhere else.
 *
 * Each kind has its own budget, apart from each other and from the connections still in their
 * handshake (HandshakeGate), so that anyone who can reach the port and finish a handshake without
 * a certificate can never take the slots of registered systems. A registered system's connection
 * past `maxAdmitted` is closed like a refused one; past `maxAnonymous` the oldest anonymous
 * connection is closed, so a flood of idle anonymous sockets only pushes out its own members (a
 * real client's connection is the newest when it sends its request). An anonymous connection that
 * sends no request is closed by the server's headers timeout.
 */
export class TlsGate {
  private readonly callers = new WeakMap<TLSSocket, Caller>();
  private readonly live = new Map<string, Set<TLSSocket>>();
  /** Anonymous connections now open, oldest first. */
  private readonly anonymous = new Set<TLSSocket>();
  private readonly registry: Registry;
  private readonly maxAdmitted: number;
  private readonly maxAnonymous: number;
  private sweeper: NodeJS.Timeout | undefined;
  /** Connections of registered systems now open. */
  admitted = 0;
  refused = 0;
  /** Connections of registered systems closed because `maxAdmitted` were already open. */
  overBudget = 0;
  /** Anonymous connections closed to make room for newer ones. */
  anonymousEvicted = 0;
  /** Connections closed because their certificate opened more than its share. */
  perCertificateEvicted = 0;
  private readonly maxPerCertificate: number;

  constructor(
    registry: Registry,
    maxAdmitted = Number.POSITIVE_INFINITY,
    maxAnonymous = Number.POSITIVE_INFINITY,
    maxPerCertificate = Number.POSITIVE_INFINITY,
  ) {
    this.registry = registry;
    this.maxAdmitted = maxAdmitted;
    this.maxAnonymous = Math.max(1, maxAnonymous);
    this.maxPerCertificate = Math.max(1, maxPerCertificate);
  }

  attach(server: Server, sweepMs = 1000): void {
    server.prependListener('secureConnection', (socket: TLSSocket) => this.admit(socket));
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
  }

  /** The registered it-system of the connection's client certificate; undefined for an anonymous connection or one not admitted. */
  callerOf(socket: TLSSocket): Caller | undefined {
    return this.callers.get(socket);
  }

  /** True for an admitted connection that showed no client certificate. */
  isAnonymous(socket: TLSSocket): boolean {
    return this.anonymous.has(socket);
  }

  /** Anonymous connections now open. */
  get anonymousOpen(): number {
    return this.anonymous.size;
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  private admit(socket: TLSSocket): void {
    const certificate = socket.getPeerX509Certificate();
    if (!certificate) {
      this.admitAnonymous(socket);
      return;
    }
    // Not authorized: not issued by the platform CA, or listed in its CRL (revoked).
    const caller = socket.authorized ? callerOfCertificate(this.registry, certificate) : undefined;
    if (!caller) {
      this.refused += 1;
      socket.destroy();
      return;
    }
    const { fingerprint } = caller;
    let set = this.live.get(fingerprint);
    // A certificate past its share loses its own oldest connection, never another system's slot.
    while (set && set.size >= this.maxPerCertificate) {
      const oldest = set.values().next().value!;
      set.delete(oldest);
      this.perCertificateEvicted += 1;
      oldest.destroy();
    }
    if (this.admitted >= this.maxAdmitted) {
      this.overBudget += 1;
      socket.destroy();
      return;
    }
    this.admitted += 1;
    this.callers.set(socket, caller);
    if (!set) this.live.set(fingerprint, (set = new Set()));
    set.add(socket);
    socket.once('close', () => {
      this.admitted -= 1;
      set.delete(socket);
      if (set.size === 0 && this.live.get(fingerprint) === set) this.live.delete(fingerprint);
    });
  }

  private admitAnonymous(socket: TLSSocket): void {
    while (this.anonymous.size >= this.maxAnonymous) {
      const oldest = this.anonymous.values().next().value!;
      this.anonymous.delete(oldest);
      this.anonymousEvicted += 1;
      oldest.destroy();
    }
    this.anonymous.add(socket);
    socket.once('close', () => this.anonymous.delete(socket));
  }

  private sweep(): void {
    for (const [fingerprint, sockets] of this.live) {
      if (!this.registry.isRevoked(fingerprint)) continue;
      for (const socket of sockets) socket.destroy();
      this.live.delete(fingerprint);
    }
  }
}
