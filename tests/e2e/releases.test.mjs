// Citable releases, end to end on the release build: each release at its own path
// /heist-ledger/v/ID/ loads and shows that release; an old release says newer data exists
// (from a versions.json the test serves) with a working link; a broken versions.json
// breaks nothing; "Cite this view" gives the permalink pinned to the release, and Copy
// puts it on the clipboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, foreign, open, root, settled, shots } from "./harness.mjs";
import { serve } from "./server.mjs";

const dist = join(root, "dist");
const versions = JSON.parse(readFileSync(join(dist, "versions.json"), "utf8"));
const current = versions.find((v) => v.current);
const overrides = {};
let server;
let browser;

before(async () => {
  server = await serve({ root: dist, overrides });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Serves `body` as /heist-ledger/versions.json from now on (written under target/e2e/). */
function serveVersions(name, body) {
  const file = join(shots, name);
  writeFileSync(file, body);
  overrides["/heist-ledger/versions.json"] = file;
}

test("versions.json lists every release at its own path, the current one marked", () => {
  assert.ok(current, "one release is current");
  for (const v of versions) {
    assert.equal(v.path, `v/${v.id}/`);
    const data = JSON.parse(readFileSync(join(dist, v.path, "data", "incidents.json"), "utf8"));
    assert.equal(data.release.id, v.id, `${v.path} holds release ${v.id}`);
    assert.equal(data.incidents.length, v.incidents);
  }
  const root = JSON.parse(readFileSync(join(dist, "data", "incidents.json"), "utf8"));
  assert.equal(root.release.id, current.id, "the site root shows the current release");
});

test("with JavaScript off, a release page's language picker leads to that release in the language and back", async () => {
  delete overrides["/heist-ledger/versions.json"];
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await noJs.newPage();
    for (const v of versions) {
      for (const lang of ["ko", "ja"]) {
        await page.goto(server.url + v.path);
        await Promise.all([page.waitForURL(`**/${v.path}${lang}/`), page.click(`.lang-picker a[data-lang=${lang}]`)]);
        assert.equal(await page.locator("html").getAttribute("lang"), lang, `${v.path}${lang}/ is in that language`);
        assert.equal(
          await page.locator(".as-of[data-release]").getAttribute("data-release"),
          v.id,
          `${v.path}${lang}/ shows release ${v.id}, not the current one`,
        );
        await Promise.all([page.waitForURL(`**/${v.path}`), page.click(".lang-picker a[data-lang=en]")]);
        assert.equal(await page.locator("html").getAttribute("lang"), "en", "English is the release's own page");
      }
    }
  } finally {
    await noJs.close();
  }
});

test("a release's own path loads and shows that release, first view and live page alike", async () => {
  delete overrides["/heist-ledger/versions.json"];
  const path = `v/${current.id}/`;
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const first = await noJs.newPage();
  await first.goto(server.url + path);
  assert.equal(await first.locator(".as-of[data-release]").getAttribute("data-release"), current.id, "the first view");
  await noJs.close();

  const { page, log, context } = await open(browser, server, path);
  assert.equal(await settled(page), "ready");
  assert.equal(await page.locator(".as-of[data-release]").getAttribute("data-release"), current.id);
  const data = log.responses.find((r) => r.url.endsWith(`/heist-ledger/${path}data/incidents.checked.json`));
  assert.equal(data?.status, 200, "the release's own data was loaded");
  assert.equal(await page.locator("[data-release-notice]").count(), 0, "the current release shows no notice");
  assert.deepEqual(log.errors, [], "no console errors");
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violations");
  assert.deepEqual(foreign(log, server), [], "no request leaves the origin");
  await context.close();
});

test("an old release says newer data exists and links to the same view on the current data", async () => {
  // The built index plus a newer release (a second release on the same day, as ids allow).
  const newer = { ...current, id: `${current.id}.1`, path: `v/${current.id}.1/`, current: true };
  const listed = [newer, ...versions.map((v) => ({ ...v, current: false }))];
  serveVersions("versions-newer.json", JSON.stringify(listed));
  const { page, context } = await open(browser, server, `v/${current.id}/?from=2024`);
  assert.equal(await settled(page), "ready");
  const notice = page.locator("[data-release-notice]");
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, new RegExp(`You are viewing release ${current.id} \\(`));
  assert.ok(text.includes(`Newer data exists: release ${newer.id}`), text);
  const link = notice.locator("a");
  assert.equal(await link.getAttribute("href"), `${server.url}?from=2024`, "the link keeps the view");
  await page.screenshot({ path: `${shots}/release-notice.png` });
  await link.click();
  await page.waitForURL(`${server.url}?from=2024`);
  assert.equal(await settled(page), "ready", "the link opens a working page");
  assert.equal(await page.locator("select[name=from]").inputValue(), "2024", "with the same view");
  await context.close();
});

test("a right-to-left character in a release id from versions.json cannot reorder the notice's words", async () => {
  const newer = { ...current, id: `${current.id}.1\u202eevil`, path: `v/${current.id}.1/`, current: true };
  serveVersions("versions-rtl.json", JSON.stringify([newer, ...versions.map((v) => ({ ...v, current: false }))]));
  const { page, context } = await open(browser, server, `v/${current.id}/`);
  assert.equal(await settled(page), "ready");
  const notice = page.locator("[data-release-notice]");
  await notice.waitFor();
  const isolated = await notice.locator("bdi").allInnerTexts();
  assert.ok(isolated.includes(newer.id), `the id sits in its own isolate: ${JSON.stringify(isolated)}`);
  assert.ok(isolated.includes(current.id), "so does the release on screen");
  const words = await notice.evaluate((p) => [...p.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(""));
  assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(words), "the notice's own words hold no direction control");
  await context.close();
});

test("a missing or broken versions.json shows no notice and breaks nothing", async () => {
  for (const [name, body] of [["versions-broken.json", "<!doctype html><p>Not found</p>"], ["versions-empty.json", "[]"]]) {
    serveVersions(name, body);
    const { page, log, context } = await open(browser, server, `v/${current.id}/`);
    assert.equal(await settled(page), "ready", name);
    assert.equal(await page.locator("[data-release-notice]").count(), 0, name);
    assert.deepEqual(log.errors, [], `${name}: no console errors`);
    await context.close();
  }
});

test("Cite this view gives the permalink pinned to the release with the view's query, and Copy copies it", async () => {
  delete overrides["/heist-ledger/versions.json"];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  const page = await context.newPage();
  await page.goto(`${server.url}?from=2024&category=bridge&theme=dark`);
  assert.equal(await settled(page), "ready");
  const button = page.locator("[data-export=cite]");
  await button.click();
  const field = page.locator("[data-cite=text]");
  await field.waitFor();
  const text = await field.inputValue();
  const pinned = `${server.url}v/${current.id}/?from=2024&category=bridge`;
  assert.ok(text.includes(pinned), `the citation names ${pinned}: ${text}`);
  assert.ok(!text.includes("theme="), "the reader's theme is not part of the cited view");
  assert.ok(text.includes(`release ${current.id}`), text);
  assert.match(await page.locator("[data-cite=bibtex]").inputValue(), /^@misc\{/);
  const csl = JSON.parse(await page.locator("[data-cite=csl]").inputValue());
  assert.equal(csl[0].version, current.id);
  assert.equal(csl[0].URL, pinned);

  await page.locator("[data-copy=text]").click();
  await page.locator(".cite-status", { hasText: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, "Copy put the citation on the clipboard");
  await page.screenshot({ path: `${shots}/cite-panel.png` });

  await page.keyboard.press("Escape");
  assert.equal(await field.count(), 0, "Escape closes the panel");
  // Focus moves once the screen is up to date (the next frame), not within the key press.
  await page
    .waitForFunction(() => document.activeElement?.dataset.export === "cite", null, { timeout: 2000 })
    .catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.export), "cite", "focus returns to the button");
  // The pinned address is a working page showing that release.
  await page.goto(pinned);
  assert.equal(await settled(page), "ready");
  assert.equal(await page.locator(".as-of[data-release]").getAttribute("data-release"), current.id);
  await context.close();
});
