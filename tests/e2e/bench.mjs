// `make bench`, browser half: bundle sizes, and time from navigation to data-state="ready"
// in headless Chromium for the shipped dataset and for the synthetic ones written by the
// native half (target/bench/). Medians of several runs; a benchmark, never a test.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { root, CHROMIUM_ARGS } from "./harness.mjs";

const dist = join(root, "dist");
const kb = (n) => (n / 1024).toFixed(1);
console.log("\nBundle (dist/, release build for GitHub Pages):\n");
console.log("| file | raw KB | gzip KB |\n|---|---:|---:|");
for (const f of ["heist-ledger_bg.wasm", "heist-ledger.js", "main.css", "data/incidents.json"]) {
  const bytes = readFileSync(join(dist, f));
  console.log(`| ${f} | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`);
}

const server = await serve({ root: dist, fixtures: join(root, "target", "bench") });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });

async function timeToReady(path, runs) {
  const times = [];
  for (let k = 0; k < runs; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(server.url + path);
    await page.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: 120000 });
    const state = await page.evaluate(() => document.documentElement.dataset.state);
    times.push(state === "ready" ? Date.now() - t0 : NaN);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

async function filterToReady() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready");
  const times = [];
  for (let k = 0; k < 5; k++) {
    const t0 = Date.now();
    await page.click("input[name=category][value=bridge]");
    await page.waitForFunction(() => document.documentElement.dataset.state === "ready");
    await page.waitForTimeout(0);
    times.push(Date.now() - t0);
  }
  await context.close();
  times.sort((a, b) => a - b);
  return times[2];
}

console.log("\nTime to data-state=ready, headless Chromium, 1280x900, median:\n");
console.log("| dataset | ms |\n|---|---:|");
console.log(`| shipped (5 loads) | ${await timeToReady("", 5)} |`);
for (const n of [100, 1000, 3000]) {
  const file = `incidents-${n}.json`;
  if (existsSync(join(root, "target", "bench", file))) {
    console.log(`| synthetic ×${n} (3 loads) | ${await timeToReady(`?data=__fixtures__/${file}`, 3)} |`);
  }
}
console.log(`| filter toggle on shipped data, re-render all charts | ${await filterToReady()} |`);

// SVG alone: insert the timeline SVG for N incidents, force layout and wait for a paint.
console.log("\nTimeline SVG insertion + layout + paint in the browser, median of 5:\n");
console.log("| incidents | SVG KB | ms |\n|---:|---:|---:|");
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.state === "ready");
  for (const n of [100, 1000, 3000, 10000]) {
    const file = join(root, "target", "bench", `timeline-${n}.svg`);
    if (!existsSync(file)) continue;
    const svg = readFileSync(file, "utf8");
    const ms = await page.evaluate(async (markup) => {
      const times = [];
      for (let k = 0; k < 5; k++) {
        const host = document.createElement("div");
        document.body.append(host);
        const t0 = performance.now();
        host.innerHTML = markup;
        host.getBoundingClientRect();
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        times.push(performance.now() - t0);
        host.remove();
      }
      times.sort((a, b) => a - b);
      return times[2];
    }, svg);
    console.log(`| ${n} | ${kb(svg.length)} | ${ms.toFixed(0)} |`);
  }
  await context.close();
}
await browser.close();
server.close();
