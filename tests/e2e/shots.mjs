// Screenshots of the release build as a reader sees it: 360 and 1280 px, light and dark,
// with and without JavaScript. `node tests/e2e/shots.mjs` after `make build`; files go to
// target/e2e/shots/. For looking at, not a test.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { root, CHROMIUM_ARGS } from "./harness.mjs";

const out = join(root, "target", "e2e", "shots");
mkdirSync(out, { recursive: true });
const server = await serve({ root: join(root, "dist") });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
const path = process.argv[2] || "";
for (const js of [true, false]) {
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto(server.url + path);
      if (js) await page.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: 30000 });
      const name = `${js ? "js" : "nojs"}-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      console.log(name);
      await context.close();
    }
  }
}
await browser.close();
server.close();
