import type { Server } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

/**
 * Connections that have not finished their TLS handshake: they have shown no certificate, so
 * anyone who reaches the port can open them. They get their own budget and little time, apart
 * from the connections of registered systems (TlsGate), so idle sockets cannot lock those out:
 *
 * - each must finish its handshake within `timeoutMs` of being accepted, counted from the accept
 *   and not reset by traffic (Node's own `handshakeTimeout` is an idle timer: a client dripping a
 *   byte now and then would keep its slot);
 * - past `maxPending` the oldest pending one is closed. A flood of idle sockets then only pushes
 *   out its own members, while a client that has just connected is the newest and completes its
 *   handshake (a few ms) long before `maxPending` newer connections arrive.
 *
 * A pending connection is known by its address pair: the TLS socket Node makes of the raw one
 * keeps the same local and remote address and port, and no two live connections share them.
 */
export class HandshakeGate {
  private readonly pending = new Map<string, { socket: Socket; timer: NodeJS.Timeout }>();
  private readonly maxPending: number;
  private readonly timeoutMs: number;
  /** Pending connections closed to make room for newer ones. */
  evicted = 0;
  /** Pending connections closed because their handshake took longer than `timeoutMs`. */
  timedOut = 0;

  constructor(limits: { maxPending: number; timeoutMs: number }) {
    this.maxPending = Math.max(1, limits.maxPending);
    this.timeoutMs = limits.timeoutMs;
  }

  attach(server: Server): void {
    // Before Node's own listener wraps the socket in TLS, and before TlsGate checks the certificate.
    server.prependListener('connection', (socket: Socket) => this.accepted(socket));
    server.prependListener('secureConnection', (socket: TLSSocket) => this.done(keyOf(socket)));
  }

  /** Connections accepted whose TLS handshake has not finished. */
  get size(): number {
    return this.pending.size;
  }

  /** Forgets every pending connection's timer (the server closes the sockets themselves). */
  stop(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private accepted(socket: Socket): void {
    const key = keyOf(socket);
    if (key === undefined) return; // already gone
    while (this.pending.size >= this.maxPending) {
      const [oldestKey, oldest] = this.pending.entries().next().value!;
      this.done(oldestKey);
      this.evicted += 1;
      oldest.socket.destroy();
    }
    const timer = setTimeout(() => {
      if (this.pending.get(key)?.socket !== socket) return;
      this.done(key);
      this.timedOut += 1;
      socket.destroy();
    }, this.timeoutMs);
    timer.unref();
    this.pending.set(key, { socket, timer });
    socket.once('close', () => {
      if (this.pending.get(key)?.socket === socket) this.done(key);
    });
  }

  private done(key: string | undefined): void {
    if (key === undefined) return;
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
  }
}

function keyOf(socket: Socket): string | undefined {
  const { localAddress, localPort, remoteAddress, remotePort } = socket;
  return remoteAddress === undefined ? undefined : `${localAddress}|${localPort}|${remoteAddress}|${remotePort}`;
}
