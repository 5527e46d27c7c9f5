// What leaves a Korean page (issue 17), on the release build: with `?lang=ko` a chart's
// CSV download has Korean headers, its SVG download names its language (xml:lang="ko")
// and carries Korean frame words, the machine-translation note and a link that keeps
// `lang=ko`; the print pack (filled as the browser's print does, on `beforeprint`) and a
// slide speak Korean under <html lang="ko">; the embed code points at the Korean static
// one-chart page, which exists and says lang="ko".
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, settled, root } from "./harness.mjs";

let server, browser;
withBrowser((c) => ({ server, browser } = c));

const ko = JSON.parse(readFileSync(join(root, "i18n", "ko.json"), "utf8"));

/** Waits until the page is drawn in Korean (its words arrive after the first view). */
async function inKorean(page) {
  assert.equal(await settled(page), "ready");
  await page.waitForFunction(() => document.documentElement.lang === "ko" && document.documentElement.dataset.state === "ready", null, {
    timeout: 30000,
  });
}

async function download(page, figure, what) {
  if (!(await figure.locator(`[data-export="${what}"]`).isVisible())) await figure.locator(".export-menu summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), figure.locator(`[data-export="${what}"]`).click()]);
  return readFileSync(await file.path());
}

test("?lang=ko downloads: a CSV with Korean headers, an SVG in Korean that says its language and keeps lang=ko", async () => {
  const { page, context } = await open(browser, server, "?lang=ko&from=2022&to=2024");
  await inKorean(page);
  const figure = page.locator("figure[data-chart=timeline]");
  const csv = (await download(page, figure, "timeline.csv")).toString("utf8");
  assert.ok(csv.startsWith("\uFEFF"), "the byte-order mark stays");
  const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
  for (const key of ["csv.date", "csv.event", "csv.amount", "csv.source"]) assert.ok(header.includes(ko[key]), `${ko[key]} in ${header}`);
  const svg = (await download(page, figure, "timeline.svg")).toString("utf8");
  assert.ok(svg.startsWith('<svg xml:lang="ko" '), "the image names its language");
  assert.ok(svg.includes(ko["frame.sources"].split("{")[0].replace(/ $/, "")), "the source line in Korean");
  assert.ok(svg.includes(ko["export.machine_note"]), "the machine-translation note");
  assert.ok(/\/v\/[^/]+\/\?from=2022&amp;to=2024&amp;lang=ko/.test(svg), "the pinned link keeps the language");
  assert.ok(!svg.includes("Data as of"), "no English dated line");
  await context.close();
});

test("?lang=ko print pack and slides speak Korean under <html lang=ko>", async () => {
  const { page, context } = await open(browser, server, "?lang=ko&from=2022&to=2024");
  await inKorean(page);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.waitForFunction(() => document.querySelector("#print-pack h1"));
  const pack = await page.evaluate(() => ({
    title: document.querySelector("#print-pack h1").textContent,
    filters: document.querySelector("#print-pack [data-print-filters]").textContent,
    text: document.querySelector("#print-pack").textContent,
    lang: document.documentElement.lang,
  }));
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  assert.equal(pack.lang, "ko");
  assert.equal(pack.title, ko["print.title_pack"]);
  assert.ok(pack.filters.startsWith(ko["print.filters"].split("{")[0]), pack.filters);
  assert.ok(pack.text.includes(ko["export.machine_note"]), "the pack says it is a machine translation");
  for (const english of ["Filters:", "Live view:", "Sources of the charts"]) assert.ok(!pack.text.includes(english), `${english} left in the pack`);
  await context.close();

  const slide = await open(browser, server, "?lang=ko&present=2", { width: 1280, height: 720 });
  await inKorean(slide.page);
  await slide.page.waitForFunction(() => document.querySelector(".slide .slide-sources")?.textContent);
  const s = await slide.page.evaluate(() => ({
    sources: document.querySelector(".slide .slide-sources").textContent,
    sourceLines: (() => {
      const src = document.querySelector(".slide .slide-sources");
      return Math.round(src.getBoundingClientRect().height / parseFloat(getComputedStyle(src).lineHeight));
    })(),
    previous: document.querySelector(".slide .slide-nav button").textContent,
    note: document.querySelector(".slide [data-machine-translation]")?.textContent ?? null,
    lang: document.documentElement.lang,
  }));
  assert.equal(s.lang, "ko");
  assert.ok(s.sources.startsWith(ko["frame.sources"].split("{")[0]), s.sources);
  assert.equal(s.previous, ko["slide.previous"]);
  assert.equal(s.sourceLines, 1, `one source line beside the buttons: ${s.sources}`);
  assert.equal(s.note, ko["header.machine_note"]);
  await slide.context.close();
});

test("?lang=ko embed code points at the Korean static one-chart page, which says lang=ko", async () => {
  const { page, context } = await open(browser, server, "?lang=ko");
  await inKorean(page);
  const figure = page.locator("figure[data-chart=yearly]");
  if (!(await figure.locator('[data-export="yearly.embed"]').isVisible())) await figure.locator(".export-menu summary").click();
  await figure.locator('[data-export="yearly.embed"]').click();
  const code = await page.locator("textarea[data-embed-code]").first().inputValue();
  const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  assert.match(src, /\/v\/[^/]+\/embed\/yearly\/ko\/\?/, src);
  assert.match(src, /lang=ko/, src);
  await context.close();
  // The static page, with JavaScript off.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  const response = await still.goto(src);
  assert.equal(response.status(), 200);
  assert.equal(await still.evaluate(() => document.documentElement.lang), "ko");
  assert.ok((await still.textContent("body")).includes(ko["embed.open_full"]));
  await off.close();
});
