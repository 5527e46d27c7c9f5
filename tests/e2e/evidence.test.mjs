// End-to-end checks of how far the evidence reaches and what each figure is (issue 19), on
// the live page of the release build: the evidence horizon beside the headline (static first
// view and live page alike), the publishers' outlook, the yearly reconcile notes and the
// official + firm split, each flow ribbon's basis in its tooltip, and an embed's frame.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, settled, shots, root } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

const data = JSON.parse(readFileSync(join(root, "public", "data", "incidents.json"), "utf8"));
/** A day as the page writes it: "5 Jul 2026". */
const human = (iso) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

test("the evidence horizon stands beside the headline, before and after the app takes over", async () => {
  const { page, context } = await open(browser, server);
  const first = await page.locator("[data-evidence]").first().getAttribute("data-evidence");
  assert.equal(first, data.evidence_horizon, "the static first view holds the horizon");
  assert.equal(await settled(page), "ready");
  const live = page.locator("#live [data-evidence], main [data-evidence]").first();
  assert.equal(await live.getAttribute("data-evidence"), data.evidence_horizon);
  assert.ok(await live.isVisible(), "visible, not only in the markup");
  const line = await page.locator(".as-of").first().innerText();
  assert.match(line, /Newest evidence read: /);
  assert.ok(line.includes(`Newest evidence read: ${human(data.evidence_horizon)}`), line);
  assert.ok(line.includes(`release ${data.release.id}`), line);
  const box = await live.boundingBox();
  const head = await page.locator("[data-headline=total]").boundingBox();
  assert.ok(box.y < head.y, "above the headline figures");
  await page.locator("details[data-outlook] summary").click();
  for (const o of data.outlook) {
    assert.ok(await page.locator(`details[data-outlook] li[data-publisher="${o.publisher}"]`).isVisible(), o.publisher);
  }
  await page.screenshot({ path: `${shots}/evidence-headline.png` });
  await context.close();
});

test("each year that parts from a publisher says why, and the yearly chart can split official and firm", async () => {
  const { page, context } = await open(browser, server, "?yearly=split");
  assert.equal(await settled(page), "ready");
  const notes = page.locator("figure[data-chart=yearly] [data-reconcile]");
  assert.ok((await notes.count()) > 0, "reconcile notes under the yearly chart");
  const years = await notes.evaluateAll((els) => els.map((e) => e.dataset.reconcile));
  assert.deepEqual(years, [...years].sort(), "oldest year first");
  const split = page.locator("figure[data-chart=yearly] .mark[data-kind=official-firm]");
  assert.ok((await split.count()) > 0, "grey bars of the official and firm-rated sums");
  await split.first().focus();
  assert.match(await page.locator("figure[data-chart=yearly] .tooltip").innerText(), /official and firm-rated incidents alone/);
  await page.locator("figure[data-chart=yearly]").screenshot({ path: `${shots}/yearly-split.png` });
  await context.close();
});

test("a flow ribbon's tooltip says what its dollars rest on", async () => {
  const { page, context } = await open(browser, server, "?flow=bybit-2025");
  assert.equal(await settled(page), "ready");
  const ribbons = page.locator("figure[data-chart=flows] .mark[data-kind=ribbon]");
  const n = await ribbons.count();
  assert.ok(n > 3);
  for (let k = 0; k < n; k++) {
    const label = await ribbons.nth(k).getAttribute("aria-label");
    if (!label.includes("inferred")) assert.match(label, /Basis: /, label);
  }
  await ribbons.first().hover();
  assert.match(await page.locator("figure[data-chart=flows] .tooltip").innerText(), /Basis: /);
  const caption = await page.locator("figure[data-chart=flows] figcaption").innerText();
  assert.match(caption, /traced out of a \$[\d.]+[MB] theft/, "the flow says why it does not add up to the theft");
  await context.close();
});

test("an embedded chart's footer carries the evidence horizon", async () => {
  const { page, context } = await open(browser, server, "?embed=yearly");
  assert.equal(await settled(page), "ready");
  const foot = await page.locator(".embed-foot").innerText();
  assert.ok(foot.includes(`newest evidence read ${human(data.evidence_horizon)}`), foot);
  await context.close();
});
