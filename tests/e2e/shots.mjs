// Screenshots of the release build as a reader sees it: 360 and 1280 px, light and dark,
// with and without JavaScript. `node tests/e2e/shots.mjs [PATH]` after `make build`; files go
// to target/e2e/shots/. A PATH in another language (`?lang=ko`, `ja/`) prefixes the files
// with it (`ko-js-360-light.png`), so the languages can be laid side by side. For looking at,
// not a test.
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
const lang = (path.match(/[?&]lang=([a-z]{2})/) || path.match(/^([a-z]{2})\//) || [])[1];
const prefix = lang ? `${lang}-` : "";
for (const js of [true, false]) {
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto(server.url + path);
      if (js) await page.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: 30000 });
      const name = `${prefix}${js ? "js" : "nojs"}-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      console.log(name);
      await context.close();
    }
  }
}
await browser.close();
server.close();
