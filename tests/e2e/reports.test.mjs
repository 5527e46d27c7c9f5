// For report authors and briefing rooms, on the release build: one-chart embeds that size
// themselves and post their height, downloads that describe themselves (images at a fixed
// size in the light theme, CSV/JSON of exactly the rows in view), and briefing mode driven
// by the keys a presentation clicker sends.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, settled, shots, root } from "./harness.mjs";

/** The shipped data's release id: embeds, links and files are pinned to it. */
const RELEASE = JSON.parse(readFileSync(join(root, "public", "data", "incidents.json"), "utf8")).release.id;

let server, browser;
withBrowser((c) => ({ server, browser } = c));

/** A host page (another origin: about:blank) holding the embed, recording every message. */
async function host(src, { width = 640, height = 400 } = {}) {
  const context = await browser.newContext({ viewport: { width: width + 40, height: 900 } });
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><script>window.__msgs = []; addEventListener("message", (e) => window.__msgs.push(e.data));</script>` +
      `<iframe id="f" src="${src}" width="${width}" height="${height}" style="border:0"></iframe>`,
  );
  const frame = await (await page.waitForSelector("#f")).contentFrame();
  await frame.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: 30000 });
  return { context, page, frame };
}

test("an embed URL shows only its chart, with its view, sources and release, and posts its height", async () => {
  const { context, page, frame } = await host(`${server.url}?embed=timeline&from=2022&to=2024&childId=hl-1`);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), "ready");
  const charts = await frame.$$eval("figure[data-chart]", (f) => f.map((x) => x.dataset.chart));
  assert.deepEqual(charts, ["timeline"], "only the chart asked for");
  for (const hidden of [".page-header", ".filters", ".incidents", ".headline", "#static"]) {
    assert.equal(await frame.locator(hidden).count() === 0 || !(await frame.locator(hidden).first().isVisible()), true, `${hidden} is not shown`);
  }
  assert.match(await frame.locator(".embed-view").innerText(), /2022.*2024/, "the view in words");
  const foot = await frame.locator(".embed-foot").innerText();
  assert.match(foot, /Sources?: /);
  assert.ok(new RegExp(`Data as of .*\\(release ${RELEASE}\\)`).test(foot), foot);
  const back = await frame.locator("[data-embed-link]").getAttribute("href");
  assert.ok(back.endsWith(`/v/${RELEASE}/?from=2022&to=2024`), `the link back opens the full view, pinned: ${back}`);
  await page.waitForFunction(() => window.__msgs.some((m) => m && m.sentinel === "amp"));
  const msgs = await page.evaluate(() => window.__msgs);
  const own = msgs.filter((m) => m && m.type === "heist-ledger:height").at(-1);
  const amp = msgs.filter((m) => m && m.sentinel === "amp" && m.type === "embed-size").at(-1);
  const pym = msgs.filter((m) => typeof m === "string" && m.startsWith("pymxPYMxhl-1xPYMxheightxPYMx")).at(-1);
  // The frame is a box of fixed height for its width (exports::embed_height): the page's
  // whole content, which is what it posts.
  const rootHeight = await frame.evaluate(() => Math.ceil(document.querySelector("main").getBoundingClientRect().height));
  assert.equal(await frame.evaluate(() => document.body.scrollHeight), rootHeight, "nothing outside the box");
  assert.ok(own && amp && pym, `all three messages: ${JSON.stringify(msgs)}`);
  assert.equal(own.height, rootHeight, "its own message carries the content's height");
  assert.equal(amp.height, rootHeight);
  assert.equal(Number(pym.split("xPYMx")[3]), rootHeight);
  // A wider frame redraws the chart and posts the new height.
  await page.evaluate(() => (document.getElementById("f").width = "1000"));
  await page.waitForFunction((h) => window.__msgs.some((m) => m && m.type === "heist-ledger:height" && m.height !== h), rootHeight);
  await page.screenshot({ path: `${shots}/embed-host.png`, fullPage: true });
  await context.close();
});

test("embed flags: plain drops the words, static drops the controls, transparent drops the background", async () => {
  const { context, frame } = await host(`${server.url}?embed=yearly&plain&static&transparent&theme=dark`);
  assert.equal(await frame.locator(".embed-view").count(), 0, "plain: no filter line");
  assert.equal(await frame.locator(".embed-foot").count(), 0, "plain: no footer");
  assert.equal(await frame.locator(".chart-actions").isVisible(), false, "static: no buttons");
  assert.equal(await frame.locator(".chart-box").getAttribute("tabindex"), "-1", "static: not a keyboard stop");
  const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgba(0, 0, 0, 0)", "transparent page");
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "dark");
  await context.close();
});

test("the Embed button gives iframe code for the current view, pinned to the release", async () => {
  const { page, context } = await open(browser, server, "?from=2023&category=bridge");
  assert.equal(await settled(page), "ready");
  const figure = page.locator("figure[data-chart=flows]");
  await figure.locator('[data-export="flows.embed"]').click();
  const code = await figure.locator("textarea[data-embed-code]").inputValue();
  assert.match(code, new RegExp(`^<iframe src="http://127\\.0\\.0\\.1:\\d+/heist-ledger/v/${RELEASE}/embed/flows/\\?from=2023&amp;category=bridge&amp;theme=light&amp;embed=flows"`));
  assert.match(code, /height="\d+"/);
  await context.close();
});

test("downloads: the CSV of a filtered view has exactly the rows in view; images have the export size", async () => {
  const { page, context } = await open(browser, server, "?from=2022&to=2023&category=bridge");
  assert.equal(await settled(page), "ready");
  const ids = await page.$$eval(".incident-table tbody tr [data-incident]", (b) => b.map((x) => x.dataset.incident));
  assert.ok(ids.length > 0);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="incidents.csv"]')]);
  assert.equal(csv.suggestedFilename(), `heist-ledger-incidents-from-2022-to-2023-category-bridge-${RELEASE}.csv`);
  const lines = readFileSync(await csv.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  assert.equal(lines.length - 1, ids.length, "one row per incident in view");
  assert.deepEqual(lines.slice(1).map((l) => l.split(",")[0]), ids, "the same incidents, in the table's order");
  const [json] = await Promise.all([page.waitForEvent("download"), page.click('[data-export="incidents-all.json"]')]);
  const all = JSON.parse(readFileSync(await json.path(), "utf8"));
  assert.ok(all.count > ids.length && all.incidents.length === all.count, "all: the whole dataset");
  const figure = page.locator("figure[data-chart=yearly]");
  await figure.locator(".export-menu summary").click();
  const [social] = await Promise.all([page.waitForEvent("download"), figure.locator('[data-export="yearly.social.png"]').click()]);
  const png = readFileSync(await social.path());
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [2400, 1260], "1200x630 at 2x");
  await figure.locator(".export-menu summary").click({ force: true }).catch(() => {});
  if (!(await figure.locator('[data-export="yearly.csv"]').isVisible())) await figure.locator(".export-menu summary").click();
  const [table] = await Promise.all([page.waitForEvent("download"), figure.locator('[data-export="yearly.csv"]').click()]);
  assert.match(readFileSync(await table.path(), "utf8"), /^\uFEFFYear,/, "the chart's table as CSV");
  await context.close();
});

test("a dark phone still downloads the light report-size image", async () => {
  const { page, context } = await open(browser, server, "?theme=dark", { width: 360, height: 740 });
  assert.equal(await settled(page), "ready");
  const figure = page.locator("figure[data-chart=timeline]");
  await figure.locator(".export-menu summary").click();
  const [svg] = await Promise.all([page.waitForEvent("download"), figure.locator('[data-export="timeline.svg"]').click()]);
  const text = readFileSync(await svg.path(), "utf8");
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1000"/, "the export width, not the phone's");
  assert.ok(text.includes('fill="#ffffff"') && !text.includes('fill="#121418"'), "light, not the screen's dark theme");
  await context.close();
});

test("briefing mode: one chart per slide, keys step forward and back, each slide is a URL", async () => {
  const { page, context } = await open(browser, server, "?present&from=2022", { width: 1280, height: 720 });
  assert.equal(await settled(page), "ready");
  const title = () => page.locator(".slide-title").innerText();
  assert.equal(await title(), "Stolen per year: this dataset beside published totals");
  assert.match(await page.locator("[data-takeaway]").innerText(), /^\d{4}: \$[\d.]+[BMK]? stolen in \d+ theft/);
  assert.equal(await page.locator("figure[data-chart]").count(), 1, "one chart per slide");
  const foot = await page.locator(".slide-sources").boundingBox();
  assert.ok(foot && foot.y + foot.height <= 720, "the source line is on screen");
  const steps = [
    ["ArrowRight", 2, "Heist timeline"],
    ["PageDown", 3, "Where the money went"],
    ["PageUp", 2, "Heist timeline"],
    ["Space", 3, "Where the money went"],
    ["ArrowLeft", 2, "Heist timeline"],
  ];
  for (const [key, n, heading] of steps) {
    await page.keyboard.press(key);
    await page.waitForURL(new RegExp(`present=${n}`));
    await page.waitForFunction((h) => document.querySelector(".slide-title")?.innerText === h, heading);
    assert.match(page.url(), /from=2022/, "the filters stay");
    await page.waitForFunction(() => document.querySelector("figure[data-chart] .chart-box svg"));
  }
  await page.screenshot({ path: `${shots}/present-1280.png` });
  await page.goBack();
  await page.waitForURL(/present=3/);
  await page.waitForFunction(() => document.querySelector(".slide-title")?.innerText === "Where the money went");
  await context.close();
});
