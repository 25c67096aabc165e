import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, which .ci/run installs; the tests never download a browser. */
export const chromiumPath = process.env.KLARMELD_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissingReason(): string | undefined {
  return existsSync(chromiumPath)
    ? undefined
    : `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium) or set KLARMELD_CHROMIUM to run the site's browser tests`;
}

/** Flags from DESIGN.md §5: headless, no sandbox (containers), and nothing that phones home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
