// The Sankey on a phone: at 360 px the live flows chart (and the first view drawn before
// any script runs) cuts no label short, names every node in full and fits the box the page
// reserves for it. Screenshot: target/e2e/sankey-360.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, open, settled, shots } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

/** For every flows chart svg on the page: its label texts, each node's name and label text, and sizes. */
function readFlows() {
  const squash = (s) => s.replace(/\s+/g, "");
  return [...document.querySelectorAll("figure[data-chart=flows] svg")].map((svg) => {
    const labels = [...svg.querySelectorAll(".labels text")].map((t) => t.textContent);
    const nodes = [...svg.querySelectorAll('[data-kind="node"]')].map((n) => {
      const tip = n.getAttribute("aria-label");
      const name = tip.slice(0, tip.lastIndexOf(": "));
      const id = n.getAttribute("data-node");
      const drawn = [...svg.querySelectorAll(".label")]
        .filter((l) => l.getAttribute("data-for") === id)
        .map((l) => squash(l.textContent))
        .join("");
      return { id, name: squash(name), drawn };
    });
    const box = svg.closest(".chart-box");
    return {
      labels,
      nodes,
      svgHeight: Number(svg.getAttribute("height")),
      boxHeight: box ? box.clientHeight : null,
    };
  });
}

test("at 360 px the live flows chart cuts no label and names every node in full", async () => {
  const { page, context } = await open(browser, server, "", { width: 360, height: 740 });
  assert.equal(await settled(page), "ready");
  const [flows] = await page.evaluate(readFlows);
  assert.ok(flows, "the flows chart is drawn");
  assert.ok(flows.labels.length > 0, "the chart has labels");
  assert.deepEqual(flows.labels.filter((t) => t.includes("…")), [], "no label ends in an ellipsis");
  for (const n of flows.nodes) assert.ok(n.drawn.includes(n.name), `${n.id}: "${n.name}" is drawn in full`);
  assert.ok(Math.abs(flows.svgHeight - flows.boxHeight) <= 1, `the drawing (${flows.svgHeight} px) fills its box (${flows.boxHeight} px)`);
  await page.locator("figure[data-chart=flows]").screenshot({ path: `${shots}/sankey-360.png` });
  await context.close();
});

test("without JavaScript the first view's flows charts cut no label either", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const drawn = await page.evaluate(readFlows);
  assert.ok(drawn.length >= 2, "the first view holds a phone and a wide drawing");
  for (const flows of drawn) {
    assert.deepEqual(flows.labels.filter((t) => t.includes("…")), [], "no label ends in an ellipsis");
    for (const n of flows.nodes) assert.ok(n.drawn.includes(n.name), `${n.id}: "${n.name}" is drawn in full`);
  }
  await context.close();
});
