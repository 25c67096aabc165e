/**
 * One flaky link per system in front of the server's platform: the system's connection names
 * the link's port instead of the platform's, so the network tests (a connection cut in the
 * middle, then a retry) can run against a system the server does not start. Kept while the
 * server runs; a restart makes new ones, and `klarmeld test` fetches the connection every run.
 * The link listens on 127.0.0.1 (conformance/runner/flaky-link.ts): systems on other machines
 * need the platform's own address.
 */
import { startFlakyLink, type FlakyLink } from '../../conformance/runner/index.ts';

export class SystemLinks {
  private readonly links = new Map<string, Promise<FlakyLink>>();
  private readonly platformUrl: URL;

  constructor(platformUrl: string) {
    this.platformUrl = new URL(platformUrl);
  }

  /** The link of the system with this it-system UUID, started on first use. */
  of(systemUuid: string): Promise<FlakyLink> {
    let link = this.links.get(systemUuid);
    if (!link) {
      link = startFlakyLink(this.platformUrl.hostname, Number(this.platformUrl.port));
      this.links.set(systemUuid, link);
    }
    return link;
  }

  async close(): Promise<void> {
    const all = [...this.links.values()];
    this.links.clear();
    await Promise.allSettled(all.map(async (link) => (await link).close()));
  }
}
