// Briefing mode (?present) as a presenter shows it, on the release build: at 1280×720 and
// 1920×1080 each slide's chart fills the slide with its text at 18 px or more, one source
// line points to the full list, and the summed-flow slide is legible (its largest hops, the
// rest folded) rather than a strip with a key of every node in tiny type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, open, settled, shots } from "./harness.mjs";

let server, browser;
withBrowser((c) => ({ server, browser } = c));

/** The slide as drawn: its chart's smallest text on screen, the box, the source line. */
function slideNow() {
  const svg = document.querySelector(".slide .chart-box svg");
  const vb = svg.viewBox.baseVal;
  const r = svg.getBoundingClientRect();
  const k = Math.min(r.width / vb.width, r.height / vb.height);
  const sizes = [...svg.querySelectorAll("text")]
    .filter((t) => t.getBoundingClientRect().width > 0 && t.textContent.trim())
    .map((t) => parseFloat(getComputedStyle(t).fontSize) * k);
  const src = document.querySelector(".slide-sources");
  const box = document.querySelector(".slide .chart-box").getBoundingClientRect();
  return {
    smallest: Math.min(...sizes),
    texts: sizes.length,
    chart: box.height,
    drawn: r.height,
    sources: src.innerText,
    sourceLines: Math.round(src.getBoundingClientRect().height / parseFloat(getComputedStyle(src).lineHeight)),
    page: document.documentElement.scrollHeight,
  };
}

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`at ${width}×${height} every slide's chart fills the slide, its text at 18 px or more, one source line`, async () => {
    for (const n of [1, 2, 3, 4]) {
      const { page, context } = await open(browser, server, `?present=${n}`, { width, height });
      assert.equal(await settled(page), "ready");
      await page.waitForFunction(() => document.querySelector(".slide .chart-box svg"));
      await page.waitForTimeout(300);
      const s = await page.evaluate(slideNow);
      assert.ok(s.texts > 5, `slide ${n}: the chart has its words`);
      assert.ok(s.smallest >= 17.9, `slide ${n} at ${width}: the smallest chart text is ${s.smallest.toFixed(1)} px`);
      assert.ok(s.chart >= 0.55 * height, `slide ${n} at ${width}: the chart's box is ${Math.round(s.chart)} px of ${height}`);
      assert.ok(s.drawn >= 0.8 * s.chart, `slide ${n} at ${width}: the drawing fills its box (${Math.round(s.drawn)} of ${Math.round(s.chart)})`);
      assert.equal(s.sourceLines, 1, `slide ${n} at ${width}: one source line: ${s.sources}`);
      assert.match(s.sources, /^Sources: .*(more — full list in the page and print)?$/);
      assert.ok(s.page <= height, `slide ${n} at ${width}: nothing below the slide (${s.page})`);
      if (n === 3) await page.screenshot({ path: `${shots}/slide-flows-${width}.png` });
      await context.close();
    }
  });
}
