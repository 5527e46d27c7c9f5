// Printing: the briefing pack and the charts-only print as PDFs from headless Chromium, on A4
// and US Letter with the dark theme in force, read back with poppler (pdftotext -bbox,
// pdfinfo, pdftoppm). Playwright's page.pdf() fires `beforeprint` and `afterprint` in this
// Chromium, so the pack is the one Ctrl+P prints; the charts-only print goes through its
// button, with window.print recorded instead of opening a dialog.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, open, settled, shots } from "./harness.mjs";

// A filtered view (view.rs parses `from` and `to`), asked for in the dark theme, on a
// system that prefers dark too.
const VIEW = "?from=2022&to=2024&theme=dark";
const FORMATS = ["A4", "Letter"];
// Text at least this size, against a ruler printed in the same font (7.9: font metrics round).
const MIN_PT = 7.9;

let server;
let browser;
before(async () => ({ server, browser } = await start()));
after(async () => {
  await browser?.close();
  await server?.close();
});

const tmp = mkdtempSync(join(tmpdir(), "heist-print-"));
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const squash = (s) => s.replace(/\s+/g, " ");

/** Writes the PDF and reads it back: its pages' text and words with their heights (pt). */
function readPdf(bytes, name) {
  const file = join(shots, `${name}.pdf`);
  writeFileSync(file, bytes);
  const pages = run("pdftotext", [file, "-"]).split("\f").slice(0, -1).map(squash);
  const info = run("pdfinfo", [file]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const bbox = run("pdftotext", ["-bbox", file, "-"]);
  const words = [...bbox.split("<page ").slice(1).entries()].flatMap(([k, page]) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (m) => ({ page: k, height: Number(m[4]) - Number(m[2]), text: m[5] }),
    ),
  );
  return { file, pages, count, words, size: /^Page size:\s+(.*)$/m.exec(info)[1] };
}

/** Each page rasterised at 40 dpi in grey: its mean lightness and its darkest 15 mm tile
 * (the share of near-black pixels: a dark chart's background is #121418). */
function lightness(file) {
  const dir = mkdtempSync(join(tmp, "pages-"));
  run("pdftoppm", ["-r", "40", "-gray", file, join(dir, "p")]);
  // pdftoppm pads page numbers to the same width, so the names sort in page order.
  return readdirSync(dir)
    .filter((f) => f.endsWith(".pgm"))
    .sort()
    .map((f) => pgmStats(readFileSync(join(dir, f))));
}

/** Parses a binary PGM (P5) and measures it. */
function pgmStats(bytes) {
  const header = bytes.toString("latin1", 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const [w, h, max] = [Number(header[1]), Number(header[2]), Number(header[3])];
  const px = bytes.subarray(header[0].length);
  let sum = 0;
  for (let i = 0; i < w * h; i++) sum += px[i];
  // 15 mm at 40 dpi is about 24 px: no tile of that size may be mostly dark.
  const tile = 24;
  let darkestTile = 0;
  for (let ty = 0; ty + tile <= h; ty += tile / 2) {
    for (let tx = 0; tx + tile <= w; tx += tile / 2) {
      let dark = 0;
      for (let y = ty; y < ty + tile; y++) for (let x = tx; x < tx + tile; x++) if (px[y * w + x] < max * 0.15) dark++;
      darkestTile = Math.max(darkestTile, dark / (tile * tile));
    }
  }
  return { mean: sum / (w * h) / max, darkestTile };
}

/** The height pdftotext gives a word of 8 pt in the charts' font, from a printed ruler. */
async function rulerHeight(family) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const px = (8 * 96) / 72;
  await page.setContent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="80" font-family="${family}"><text x="10" y="40" font-size="${px}">Ruler 2024 $1.2B Chainalysis</text></svg>`,
  );
  const { words } = readPdf(await page.pdf({ format: "A4" }), "print-ruler");
  await context.close();
  const heights = words.map((w) => w.height);
  assert.ok(heights.length >= 4, "the ruler prints its words");
  return Math.min(...heights);
}

/** The dashboard in the dark theme, settled, with window.print recorded. */
async function darkPage() {
  const { page, context, log } = await open(browser, server, VIEW);
  await page.emulateMedia({ colorScheme: "dark" });
  await context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await page.reload();
  assert.equal(await settled(page), "ready");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "the screen is dark");
  const screen = await page.evaluate(() => ({
    titles: [...document.querySelectorAll("figure[data-chart] h2")].map((h) => h.textContent.trim()),
    count: document.querySelector("[data-headline=count]").textContent.trim(),
    hrefs: [...document.querySelectorAll("table.incident-table a[href^='http']")].map((a) => a.getAttribute("href")),
    family: document.querySelector("figure[data-chart] svg").getAttribute("font-family"),
  }));
  assert.equal(screen.titles.length, 4, "four charts on screen");
  return { page, context, log, screen };
}

/** What a short address looks like on paper: host and path, no scheme, www, query or hash. */
function shortOf(href) {
  const bare = href.replace(/^https?:\/\//, "").split(/[?#]/)[0].replace(/\/+$/, "");
  return bare.replace(/^www\./, "");
}

test("Ctrl+P prints a short, light briefing pack on A4 and Letter, whatever the screen's theme", async () => {
  const { page, context, log, screen } = await darkPage();
  const ruler = await rulerHeight(screen.family);
  const counts = {};
  for (const format of FORMATS) {
    const pdf = readPdf(await page.pdf({ format }), `print-${format.toLowerCase()}`);
    counts[format] = pdf.count;
    assert.match(pdf.size, format === "A4" ? /\(A4\)/ : /\(letter\)/, `${format}: the paper size is the one asked`);
    assert.equal(
      await page.locator("#print-pack").count(),
      0,
      "the print container is emptied after printing",
    );

    // The headline and the filters in words come first.
    assert.match(pdf.pages[0], /Heist Ledger: briefing pack/, `${format}: page 1 is the cover`);
    assert.match(pdf.pages[0], /Filters: 2022 to 2024\. Showing (\d+) incidents from 2022–2024\./, `${format}: the filters in words`);
    assert.equal(/Showing (\d+) incidents/.exec(pdf.pages[0])[1], screen.count, "the count printed is the screen's");
    assert.match(pdf.pages[0], /Stolen, 2022–2024/, `${format}: the headline figures are on page 1`);

    // Each chart whole on a page of its own: its title and the frame's foot on one page.
    const chartPages = screen.titles.map((title) => {
      const found = pdf.pages.flatMap((text, k) => (k > 0 && text.includes(squash(title)) ? [k] : []));
      assert.ok(found.length >= 1, `${format}: "${title}" is printed`);
      assert.match(pdf.pages[found[0]], /Data as of .* \(release [^)]+\)/, `${format}: "${title}" is whole on page ${found[0] + 1}`);
      return found[0];
    });
    assert.equal(new Set(chartPages).size, 4, `${format}: each chart on its own page (${chartPages.map((k) => k + 1)})`);

    // Then the published figures and the incidents with their sources.
    const rest = pdf.pages.slice(Math.max(...chartPages) + 1).join(" ");
    assert.match(rest, /Sources of the charts/, `${format}: the charts' documents follow them`);
    assert.match(rest, /Published figures about 2022–2024 \(\d+ of \d+/, `${format}: the published figures follow the charts`);
    assert.match(rest, new RegExp(`Incidents \\(${screen.count}\\)`), `${format}: the incident table follows`);

    // Links print as short addresses, never their query strings.
    // pdftotext joins a word broken at a hyphen across lines without its hyphen.
    const flat = pdf.pages.join("").replace(/[\s-]+/g, "");
    for (const href of screen.hrefs) {
      assert.ok(flat.includes(shortOf(href).slice(0, 40).replace(/[\s-]+/g, "")), `${format}: ${href} prints as its short address`);
      const query = href.includes("?") ? href.slice(href.indexOf("?")).split("#")[0] : "";
      if (query.length > 1) assert.ok(!flat.includes(query.slice(1)), `${format}: ${href} prints without its query`);
    }

    // Text on the chart pages is at least 8 pt (measured against the ruler).
    const pt = (h) => (h / ruler) * 8;
    const chartWords = pdf.words.filter((w) => chartPages.includes(w.page) && /\w/.test(w.text));
    const smallest = chartWords.reduce((a, w) => (w.height < a.height ? w : a));
    console.log(`${format}: ${pdf.count} pages; smallest chart text ${pt(smallest.height).toFixed(2)} pt ("${smallest.text}")`);
    assert.ok(pt(smallest.height) >= MIN_PT, `${format}: chart text "${smallest.text}" is ${pt(smallest.height).toFixed(2)} pt`);
    const all = pdf.words.filter((w) => /\w/.test(w.text)).reduce((a, w) => (w.height < a.height ? w : a));
    console.log(`${format}: smallest text anywhere ${pt(all.height).toFixed(2)} pt ("${all.text}")`);

    // Paper is light: every page mostly white, no dark block anywhere.
    const light = lightness(pdf.file);
    assert.equal(light.length, pdf.count, "every page rasterised");
    light.forEach(({ mean, darkestTile }, k) => {
      assert.ok(mean >= 0.85, `${format} page ${k + 1}: mean lightness ${mean.toFixed(3)}`);
      assert.ok(darkestTile <= 0.5, `${format} page ${k + 1}: a 15 mm tile is ${(darkestTile * 100).toFixed(0)}% dark`);
    });
    console.log(
      `${format}: lightest mean ${Math.max(...light.map((l) => l.mean)).toFixed(3)}, darkest mean ${Math.min(...light.map((l) => l.mean)).toFixed(3)}, darkest tile ${(Math.max(...light.map((l) => l.darkestTile)) * 100).toFixed(0)}%`,
    );
    if (format === "A4") run("pdftoppm", ["-f", "2", "-l", "2", "-r", "80", "-png", "-singlefile", pdf.file, join(shots, "print-a4-p2")]);
  }
  // A cover, four chart pages and the lists: measured 12 A4 and 12 Letter pages for this view
  // (the documents behind the timeline's lane of freezes and recoveries added one; the
  // screen's page printed about 17 A4 pages before the pack).
  assert.ok(counts.A4 <= 12 && counts.Letter <= 12, `the pack is short (${JSON.stringify(counts)} pages)`);
  assert.equal(await page.evaluate(() => window.__printed), 0, "Ctrl+P needs no button");
  assert.deepEqual(log.errors, [], "no console errors");
  await context.close();
});

test("Print charts only prints the headline line and the charts, fewer pages, no tables", async () => {
  const { page, context, log, screen } = await darkPage();
  const pack = readPdf(await page.pdf({ format: "A4" }), "print-pack-a4");
  await page.click("button[data-print=charts]");
  assert.equal(await page.evaluate(() => window.__printed), 1, "the button prints");
  const charts = readPdf(await page.pdf({ format: "A4" }), "print-charts-a4");
  assert.ok(charts.count < pack.count, `charts only: ${charts.count} pages, the pack ${pack.count}`);
  console.log(`charts only: ${charts.count} A4 pages, the pack ${pack.count}`);
  const text = charts.pages.join(" ");
  assert.match(charts.pages[0], /Filters: 2022 to 2024/, "the filters in words head it");
  assert.match(charts.pages[0], /Stolen, 2022–2024/, "the headline line heads it");
  for (const title of screen.titles) assert.ok(text.includes(squash(title)), `"${title}" is printed`);
  assert.equal((text.match(/Sources: /g) || []).length >= 4, true, "each chart keeps its source line");
  assert.doesNotMatch(text, /Incidents \(\d+\)/, "no incident table");
  assert.doesNotMatch(text, /Published figures about/, "no published figures list");
  // The next Ctrl+P is the whole pack again.
  const again = readPdf(await page.pdf({ format: "A4" }), "print-pack-again-a4");
  assert.equal(again.count, pack.count, "after a charts-only print, Ctrl+P prints the pack");
  assert.deepEqual(log.errors, [], "no console errors");
  await context.close();
});

test("without JavaScript the first view prints light, without its controls", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    "rgb(18, 20, 24)",
    "the screen follows the dark system theme",
  );
  const pdf = readPdf(await page.pdf({ format: "A4" }), "print-static-a4");
  const text = pdf.pages.join(" ");
  for (const control of ["Print briefing pack", "Clear filters", "Download SVG", "Show table", "Dark theme", "Load another dataset"]) {
    assert.ok(!text.includes(control), `"${control}" is not printed`);
  }
  lightness(pdf.file).forEach(({ mean, darkestTile }, k) => {
    assert.ok(mean >= 0.85, `page ${k + 1}: mean lightness ${mean.toFixed(3)}`);
    assert.ok(darkestTile <= 0.5, `page ${k + 1}: a 15 mm tile is ${(darkestTile * 100).toFixed(0)}% dark`);
  });
  console.log(`no-JS first view: ${pdf.count} A4 pages`);
  await context.close();
});
