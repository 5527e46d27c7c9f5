// What leaves the page, on the release build: a downloaded PNG declares 300 dpi, a chart's
// CSV holds plain numbers and ISO dates, an exported SVG carries the release-pinned
// address; and a dark-mode reader sees dark chart cards in the first view before any script.
// The shipped WebAssembly carries none of core's float formatting (numbers are written by
// src/decimal.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, settled, root } from "./harness.mjs";

const RELEASE = JSON.parse(readFileSync(join(root, "public", "data", "incidents.json"), "utf8")).release.id;

let server, browser;
withBrowser((c) => ({ server, browser } = c));

test("the shipped WebAssembly modules carry none of core's float formatting", () => {
  // core's Grisu and Dragon routines name their source files (library/core/src/num/flt2dec/)
  // in their panic locations: present, they were 12 KiB of the page's module, there for any
  // `{}`, `{:.1}` or `{:?}` of an f64 (f64::clamp's panic message among them). The page
  // writes its numbers through src/decimal.rs instead (issue 18).
  for (const file of ["heist-ledger_bg.wasm", "checker_bg.wasm"]) {
    const bytes = readFileSync(join(root, "dist", file));
    assert.ok(bytes.length > 100000, `${file} is built`);
    assert.equal(bytes.includes("flt2dec"), false, `${file} holds core::num::flt2dec`);
  }
});

/** The resolution a PNG declares (pHYs, in dots per inch), or null. */
function dpi(png) {
  for (let at = 8; at + 12 <= png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "pHYs" && png[at + 16] === 1) return Math.round(png.readUInt32BE(at + 8) * 0.0254);
    at += 12 + len;
  }
  return null;
}

async function download(page, figure, what) {
  if (!(await figure.locator(`[data-export="${what}"]`).isVisible())) await figure.locator(".export-menu summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), figure.locator(`[data-export="${what}"]`).click()]);
  return readFileSync(await file.path());
}

test("downloads: a PNG declares 300 dpi, a chart CSV holds numbers and ISO dates, an SVG is pinned to the release", async () => {
  const { page, context } = await open(browser, server, "?from=2022&to=2024");
  assert.equal(await settled(page), "ready");
  const figure = page.locator("figure[data-chart=timeline]");
  const png = await download(page, figure, "timeline.png");
  assert.equal(dpi(png), 300, "the PNG says 300 dpi");
  const csv = (await download(page, figure, "timeline.csv")).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
  const header = csv[0].split(",");
  const [date, amount] = [header.indexOf("Date"), header.indexOf("Amount")];
  const theft = csv.slice(1).map((l) => l.split(",")).find((r) => /^\d+$/.test(r[amount] || ""));
  assert.ok(theft, "a row with a plain number of dollars");
  assert.match(theft[date], /^\d{4}-\d{2}-\d{2}$/, "an ISO date");
  assert.ok(!csv.join("\n").match(/,\$[\d.]+[KMB],/), "no display amounts");
  const svg = (await download(page, figure, "timeline.svg")).toString("utf8");
  assert.ok(svg.includes(`/v/${RELEASE}/?from=2022&amp;to=2024`), "the image carries the pinned address");
  await context.close();
});

test("a dark-mode reader sees dark chart cards in the first view before the app runs; paper stays light", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  const filters = await page.$$eval("#static figure[data-chart] .svg-host", (hosts) =>
    hosts.filter((h) => h.offsetParent !== null).map((h) => getComputedStyle(h.querySelector("svg")).filter),
  );
  assert.equal(filters.length, 4, "each chart shows one drawing");
  assert.ok(filters.every((f) => f.includes("invert")), `dark cards: ${filters}`);
  await page.emulateMedia({ media: "print" });
  const printed = await page.$$eval("#static figure[data-chart] .svg-host svg", (s) => s.map((x) => getComputedStyle(x).filter));
  assert.ok(printed.every((f) => f === "none"), "paper is light");
  await context.close();
});

test("the build's chart renders declare 300 dpi and carry the release-pinned address", async () => {
  for (const name of ["yearly", "timeline", "flows", "figures"]) {
    const png = Buffer.from(await (await fetch(`${server.url}charts/${name}.png`)).arrayBuffer());
    assert.equal(dpi(png), 300, `${name}.png`);
    const svg = await (await fetch(`${server.url}charts/${name}.svg`)).text();
    assert.ok(svg.includes(`/heist-ledger/v/${RELEASE}/`), `${name}.svg is pinned to the release`);
  }
});
