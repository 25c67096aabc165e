import type { Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { fingerprintOf } from '../registry/fingerprint.ts';
import type { Registry } from '../registry/registry-types.ts';
import type { Caller } from '../service-handler.ts';

/**
 * The certificate check after the TLS handshake. Node has already refused a missing certificate
 * or one not issued by the platform CA (requestCert + rejectUnauthorized); this refuses a revoked
 * or unregistered one by destroying the socket before HTTP ever reads from it, so such a client
 * never gets an HTTP response. A sweep closes live keep-alive connections of certificates revoked
 * later (from another process too: the registry is read from SQLite).
 *
 * Admitted connections have their own budget (`maxAdmitted`), apart from the connections still in
 * their handshake (HandshakeGate): a connection past it is closed like a refused one.
 */
export class TlsGate {
  private readonly callers = new WeakMap<TLSSocket, Caller>();
  private readonly live = new Map<string, Set<TLSSocket>>();
  private readonly registry: Registry;
  private readonly maxAdmitted: number;
  private sweeper: NodeJS.Timeout | undefined;
  /** Connections of registered systems now open. */
  admitted = 0;
  refused = 0;
  /** Connections of registered systems closed because `maxAdmitted` were already open. */
  overBudget = 0;

  constructor(registry: Registry, maxAdmitted = Number.POSITIVE_INFINITY) {
    this.registry = registry;
    this.maxAdmitted = maxAdmitted;
  }

  attach(server: Server, sweepMs = 1000): void {
    server.prependListener('secureConnection', (socket: TLSSocket) => this.admit(socket));
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
  }

  callerOf(socket: TLSSocket): Caller | undefined {
    return this.callers.get(socket);
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  private admit(socket: TLSSocket): void {
    const certificate = socket.getPeerX509Certificate();
    const fingerprint = certificate ? fingerprintOf(certificate) : undefined;
    const system = fingerprint ? this.registry.systemByFingerprint(fingerprint) : undefined;
    if (!certificate || !fingerprint || !system) {
      this.refused += 1;
      socket.destroy();
      return;
    }
    if (this.admitted >= this.maxAdmitted) {
      this.overBudget += 1;
      socket.destroy();
      return;
    }
    this.admitted += 1;
    this.callers.set(socket, { systemUuid: system.uuid, systemName: system.name, subject: certificate.subject, fingerprint, certificate });
    let set = this.live.get(fingerprint);
    if (!set) this.live.set(fingerprint, (set = new Set()));
    set.add(socket);
    socket.once('close', () => {
      this.admitted -= 1;
      set.delete(socket);
      if (set.size === 0 && this.live.get(fingerprint) === set) this.live.delete(fingerprint);
    });
  }

  private sweep(): void {
    for (const [fingerprint, sockets] of this.live) {
      if (!this.registry.isRevoked(fingerprint)) continue;
      for (const socket of sockets) socket.destroy();
      this.live.delete(fingerprint);
    }
  }
}
