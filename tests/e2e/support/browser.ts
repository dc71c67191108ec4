/**
 * What the browser tests share: a static server for the production build (dist/) on the loopback
 * address, and Debian's Chromium driven by playwright-core (no browser download).
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = join(__dirname, "..", "..", "..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "tests", "output");
export const CHROMIUM = "/usr/bin/chromium";

/** Chromium and the production build are there (CI installs and builds both before test:e2e). */
export function browserTestsReady(page: string): boolean {
  const ready = existsSync(CHROMIUM) && existsSync(join(DIST, page));
  if (!ready) console.warn("Chromium (" + CHROMIUM + ") or dist/" + page + " (npm run build) is missing: skipped.");
  return ready;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "text/xml",
};

export function serveDist(root: string = DIST): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
