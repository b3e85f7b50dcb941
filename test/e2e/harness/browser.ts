import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** Debian's chromium (installed by scripts/install-code-server.mjs), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`chromium not found (looked at ${candidates.join(', ')}); run scripts/install-code-server.mjs`);
  return found;
}

/**
 * Launches headless chromium with everything that would reach the network or show first-run
 * UI turned off. playwright starts it in a process group of its own and kills that group on
 * close() and when this process exits.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
