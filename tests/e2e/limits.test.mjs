// Bounds, end to end on the release build: embeds that wait for a width, recover when they
// get one and post a height that depends on the width alone (so a page on another origin
// learns nothing about the data from it); the page within its width at every screen size
// under 300-character names, tooltips included; a short notice list for thousands of
// unknown parameters; a flow of 5,000 hops folded; the URL's state de-duplicated, the
// selects showing every chosen value, history pushed only when the view changes, Load
// always loading; and a data link that only ever saves the dataset on screen, from this site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withBrowser, open, settled, shots } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

const fixture = () => JSON.parse(readFileSync(new URL("../fixtures/minimal.json", import.meta.url), "utf8"));
const shipped = JSON.parse(readFileSync(new URL("../../dist/data/incidents.json", import.meta.url), "utf8"));

/** A host page (another origin: about:blank) holding the frame, recording every message. */
async function host(src, { width = 640, height = 600 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><script>window.__msgs = []; addEventListener("message", (e) => window.__msgs.push(e.data));</script>` +
      `<iframe id="f" src="${src}" width="${width}" height="${height}" style="border:0"></iframe>`,
  );
  const frame = await (await page.waitForSelector("#f", { state: "attached" })).contentFrame();
  return { context, page, frame };
}

/** The heights the frame posted as its own message. */
const heights = (page) =>
  page.evaluate(() => window.__msgs.filter((m) => m && m.type === "heist-ledger:height").map((m) => m.height));

test("an embed that starts 0 px wide posts no height until it has a width, then draws and recovers", async () => {
  const { context, page, frame } = await host(`${server.url}?embed=timeline&childId=z`, { width: 0 });
  // Long enough for the page to give up on a box with no size (60 frames) where frames run.
  await frame.waitForFunction(() => document.documentElement.dataset.state !== "loading", null, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(1500);
  assert.deepEqual(await heights(page), [], "no height before the frame has a width");
  await page.evaluate(() => (document.getElementById("f").width = "640"));
  await frame.waitForFunction(() => document.documentElement.dataset.state === "ready", null, { timeout: 20000 });
  assert.equal(await frame.locator("main .alert[role=alert], [data-unsized]").count(), 0, "no error left on screen");
  assert.equal(await frame.locator("figure[data-chart=timeline] .chart-box svg").count(), 1, "the chart is drawn");
  await page.waitForFunction(() => window.__msgs.some((m) => m && m.type === "heist-ledger:height"));
  const posted = await heights(page);
  // The timeline at 640 px: 340 px of chart (ChartKind::size_for) and 270 of lines around it.
  assert.deepEqual([...new Set(posted)], [610], `one height, for 640 px: ${posted}`);
  const own = await frame.evaluate(() => [document.querySelector("main").getBoundingClientRect().height, document.body.scrollHeight]);
  assert.deepEqual(own, [610, 610], "the frame's content is exactly the posted height");
  const all = await page.evaluate(() => window.__msgs);
  assert.ok(all.every((m) => typeof m !== "string" || Number(m.split("xPYMx")[3]) === 610), "Pym gets the same");
  await context.close();
});

test("the flows embed posts the same height whatever the data in view holds", async () => {
  const seen = {};
  for (const query of ["q=bybit", "q=zzzz-no-such-theft", "actor=Nobody%20Known", "flow=ronin-2022", ""]) {
    const { context, page, frame } = await host(`${server.url}?embed=flows&${query}`);
    await frame.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: 30000 });
    await page.waitForFunction(() => window.__msgs.some((m) => m && m.type === "heist-ledger:height"));
    await page.waitForTimeout(300);
    seen[query] = { posted: [...new Set(await heights(page))], page: await frame.evaluate(() => document.body.scrollHeight) };
    await context.close();
  }
  const posted = Object.values(seen).map((s) => JSON.stringify(s));
  assert.equal(new Set(posted).size, 1, `one height for every view: ${JSON.stringify(seen)}`);
});

/** A dataset whose every name is 300 characters without a space (the longest allowed). */
function longNames() {
  const doc = fixture();
  const long = (c) => c.repeat(300);
  doc.incidents[0].victim = long("V");
  doc.incidents[0].actor = long("A");
  doc.incidents[1].actor = long("B");
  doc.incidents[1].chains = [long("C"), long("D")];
  doc.incidents[2].assets = [long("E")];
  doc.sources[0].title = long("T");
  doc.sources[1].publisher = long("P");
  doc.flows[0].nodes[1].label = long("N");
  doc.enforcement[0].title = long("X");
  doc.title = long("Y");
  return JSON.stringify(doc);
}

/** Hovers each mark of the page's charts (up to 80 each) and returns the tooltips that
 * left the viewport, with the page's widest scroll. */
async function tooltipsOffScreen(page) {
  return page.evaluate(async () => {
    const out = [];
    let widest = 0;
    for (const figure of document.querySelectorAll("figure[data-chart]")) {
      const marks = [...figure.querySelectorAll(".chart-box .mark")].slice(0, 80);
      for (const mark of marks) {
        mark.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        const tip = figure.querySelector(".tooltip");
        if (!tip) continue;
        const r = tip.getBoundingClientRect();
        widest = Math.max(widest, document.documentElement.scrollWidth);
        if (r.left < 0 || r.right > document.documentElement.clientWidth) {
          out.push(`${figure.dataset.chart}: ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
        mark.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
      }
    }
    return { out, widest };
  });
}

test("the page stays within its width at every screen size under 300-character names", async () => {
  const body = longNames();
  for (const width of [360, 768, 1280, 1920]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.route("**/__fixtures__/long.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
    await page.goto(server.url + "?data=__fixtures__/long.json&actor=" + "A".repeat(300));
    assert.equal(await settled(page), "ready", `${width}`);
    const selects = await page.$$eval(".filters select", (s) => s.map((x) => [x.name, Math.round(x.getBoundingClientRect().width)]));
    // 18rem from 601 px; below, the row's width.
    const most = width > 600 ? 288 : width;
    for (const [name, w] of selects) assert.ok(w <= most, `the ${name} select is ${w} px wide at ${width}`);
    const { out, widest } = await tooltipsOffScreen(page);
    assert.deepEqual(out, [], `tooltips within the screen at ${width}`);
    const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll[0] <= scroll[1] && widest <= scroll[1], `no horizontal scroll at ${width} px (${scroll}, ${widest})`);
    await page.screenshot({ path: `${shots}/long-names-${width}.png` });
    await context.close();
  }
});

test("tooltips stay on screen at 360 px on the shipped data", async () => {
  const { page, context } = await open(browser, server, "", { width: 360, height: 740 });
  assert.equal(await settled(page), "ready");
  const { out, widest } = await tooltipsOffScreen(page);
  assert.deepEqual(out, [], "every tooltip within 360 px");
  assert.ok(widest <= 360, `the page stays 360 px wide while tooltips show (${widest})`);
  await context.close();
});

test("five thousand unknown parameters give a short list of notices", async () => {
  // Put in the address by the page's own history (the test server, like most, refuses a
  // request line this long); the page reads it as it reads Back and Forward.
  const query = Array.from({ length: 5000 }, (_, k) => `p${k}=x`).join("&");
  const { page, context } = await open(browser, server);
  assert.equal(await settled(page), "ready");
  await page.evaluate((q) => {
    history.pushState(null, "", `?${q}`);
    dispatchEvent(new PopStateEvent("popstate"));
  }, query);
  await page.locator(".notices li").first().waitFor();
  const items = await page.locator(".notices li").allInnerTexts();
  assert.ok(items.length <= 8, `${items.length} lines`);
  assert.match(items.at(-1), /and 4993 more parts of the address, also ignored/);
  const box = await page.locator(".notices").boundingBox();
  assert.ok(box.height < 400, `the notices take ${box.height} px`);
  await context.close();
});

test("a flow of 5,000 hops is drawn folded into other hops, and its table lists every link", async () => {
  const doc = fixture();
  const flow = doc.flows[0];
  flow.nodes = [flow.nodes[0], { id: "cash-out", label: "Cash-out", stage: 5, kind: "sink" }];
  flow.edges = [];
  let total = 0;
  for (let k = 0; k < 5000; k++) {
    const usd = 1000000 + (5000 - k) * 10000;
    total += usd;
    flow.nodes.push({ id: `hop-${k}`, label: `Exchange wallet ${k}`, stage: 2, kind: "intermediate" });
    const basis = { kind: "stated" };
    flow.edges.push({ from: "stolen-eth", to: `hop-${k}`, usd, source: "s1", basis }, { from: `hop-${k}`, to: "cash-out", usd, source: "s1", basis });
  }
  flow.theft_usd = total;
  doc.incidents[0].usd = total;
  delete doc.incidents[0].usd_low;
  delete doc.incidents[0].usd_high;
  const body = JSON.stringify(doc);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route("**/__fixtures__/wide.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
  await page.goto(server.url + "?data=__fixtures__/wide.json&flow=alpha-2024");
  assert.equal(await settled(page, 60000), "ready");
  const figure = page.locator("figure[data-chart=flows]");
  const svg = figure.locator(".chart-box svg");
  assert.ok((await svg.innerHTML()).includes("4972 other hops"), "the small hops are folded into one node");
  const [drawn, box] = await svg.evaluate((s) => [Number(s.getAttribute("height")), s.closest(".chart-box").clientHeight]);
  assert.ok(drawn <= 2 * box, `a drawing of ${drawn} px for a ${box} px box`);
  assert.equal(await figure.locator("table[data-table=flows] tbody tr").count(), 10000, "the table lists every link");
  await figure.screenshot({ path: `${shots}/flows-5000.png` });
  await context.close();
});

test("two actors in the address both show in the select, and a repeated one is written once", async () => {
  const [a, b] = [...new Set(shipped.incidents.map((i) => i.actor))];
  const q = (name) => encodeURIComponent(name);
  const { page, context } = await open(browser, server, `?actor=${q(a)}&actor=${q(b)}&actor=${q(a)}`);
  assert.equal(await settled(page), "ready");
  const shown = await page.$eval("select[name=actor]", (s) => s.options[s.selectedIndex].textContent);
  assert.ok(shown.includes(a) && shown.includes(b), `the select shows both: ${shown}`);
  await page.locator("input[name=category]").first().check();
  await page.waitForFunction(() => location.search.includes("category="));
  const actors = await page.evaluate(() => new URLSearchParams(location.search).getAll("actor"));
  assert.deepEqual(actors, [a, b], "each actor once");
  await context.close();
});

test("Clear filters twice adds one history entry, and Load with the same address loads again", async () => {
  const { page, context } = await open(browser, server, "?from=2022");
  assert.equal(await settled(page), "ready");
  const before = await page.evaluate(() => history.length);
  await page.click("[data-action=reset]");
  await page.waitForFunction(() => location.search === "");
  await page.click("[data-action=reset]");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => history.length), before + 1, "only the change is in the history");
  // The bundled dataset is read from its checked copy.
  const asked = () => server.requests.filter((r) => r.endsWith("/heist-ledger/data/incidents.checked.json")).length;
  const loads = asked();
  await page.click("form.data-source button[type=submit]");
  const until = Date.now() + 10000;
  while (asked() === loads && Date.now() < until) await page.waitForTimeout(50);
  assert.equal(asked(), loads + 1, "Load fetched the file again");
  assert.equal(await settled(page), "ready");
  await context.close();
});

test("after a failed load the data link still saves the dataset on screen, from this site", async () => {
  const { page, context } = await open(browser, server);
  assert.equal(await settled(page), "ready");
  const link = page.locator(".page-footer a[download]");
  const good = await link.getAttribute("href");
  assert.equal(new URL(good, page.url()).href, `${server.url}data/incidents.json`);
  for (const bad of ["__faults__/html.json", "/\\127.0.0.2:9/x.json"]) {
    await page.fill("form.data-source input[name=data]", bad);
    await page.click("form.data-source button[type=submit]");
    await page.waitForFunction(() => document.documentElement.dataset.state === "error", null, { timeout: 30000 });
    const href = await link.getAttribute("href");
    assert.equal(new URL(href, page.url()).href, `${server.url}data/incidents.json`, `after ${bad}: ${href}`);
  }
  await context.close();
});
