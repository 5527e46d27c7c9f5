// Shared set-up for the end-to-end tests: the release build served as GitHub Pages serves
// it, headless Debian Chromium driven by playwright-core (never a downloaded browser), and
// a page wrapper that records console errors, CSP violations and every request.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
export const shots = join(root, "target", "e2e");
mkdirSync(shots, { recursive: true });

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the static server (dist/ under /heist-ledger/, fixtures under __fixtures__/) and Chromium. */
export async function start() {
  const server = await serve({ root: join(root, "dist"), fixtures: join(root, "tests", "fixtures") });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return { server, browser };
}

/** Starts the server and browser before a test file's tests and stops them after; `set`
 * receives `{ server, browser }` once they run. */
export function withBrowser(set) {
  let ctx = null;
  before(async () => {
    ctx = await start();
    set(ctx);
  });
  after(async () => {
    await ctx?.browser?.close();
    ctx?.server?.close();
  });
}

/** Opens a page that records what went wrong. */
export async function open(browser, server, path = "", { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const log = { errors: [], csp: [], requests: [], responses: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("response", (r) => log.responses.push({ url: r.url(), status: r.status() }));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(server.url + path);
  return { page, context, log };
}

/** Waits until <html data-state> is ready or error and returns it. */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(
    () => ["ready", "error"].includes(document.documentElement.dataset.state),
    null,
    { timeout },
  );
  return page.evaluate(() => document.documentElement.dataset.state);
}

/** Requests that went anywhere but the test server. */
export function foreign(log, server) {
  return log.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
}
