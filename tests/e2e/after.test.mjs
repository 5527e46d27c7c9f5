// After the theft and what changed since a release, end to end on the release build: the
// timeline's lane of freezes and recoveries (marks carry data-kind), each year's thefts
// beside what was held and returned, a theft's events in its detail panel, one flow's
// published splits by date; ?since=RELEASE with the two real releases (the list, the marks,
// the picker, embeds, slides, print, Cite this view); and the feeds, the data package and
// CITATION.cff the build writes, linked from the page's head.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { open, root, settled, shots, withBrowser } from "./harness.mjs";

let server;
let browser;
withBrowser((ctx) => ({ server, browser } = ctx));

const dist = join(root, "dist");
const data = JSON.parse(readFileSync(join(dist, "data", "incidents.json"), "utf8"));
const versions = JSON.parse(readFileSync(join(dist, "versions.json"), "utf8"));
const current = versions.find((v) => v.current).id;
const earlier = versions.find((v) => !v.current).id;

test("the timeline's lane marks each freeze, seizure, recovery and refusal with its kind", async () => {
  const { page, log, context } = await open(browser, server, "?from=2022");
  assert.equal(await settled(page), "ready");
  const marks = page.locator("#main figure[data-chart=timeline] g.mark[data-coop]");
  const count = await marks.count();
  const expected = data.cooperation.filter((e) => e.date >= "2022-01-01").length;
  assert.ok(count > 0 && count <= expected, `${count} lane marks of ${expected} events since 2022`);
  const kinds = await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute("data-kind")));
  assert.ok(kinds.every((k) => ["freeze", "seizure", "recovery", "refusal"].includes(k)), kinds.join());
  const first = marks.first();
  await first.focus();
  assert.match(await first.getAttribute("aria-label"), /Source: /, "each mark names its source");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("each year's thefts stand beside what was frozen and what was returned, the gap in words", async () => {
  const { page, context } = await open(browser, server, "");
  assert.equal(await settled(page), "ready");
  const section = page.locator("#main section[data-after]");
  const gap = section.locator("[data-after-gap]");
  const held = Number(await gap.getAttribute("data-held"));
  const returned = Number(await gap.getAttribute("data-returned"));
  assert.ok(held > returned && returned > 0, `held ${held}, returned ${returned}`);
  assert.match(await gap.innerText(), /is reported returned to the victims, and .* is held or not reported returned/);
  assert.ok((await section.locator("tr[data-year]").count()) > 5, "a row per year of theft");
  // The first view holds the same section before the app takes over.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const first = await noJs.newPage();
  await first.goto(server.url);
  assert.equal(await first.locator("section[data-after] [data-after-gap]").getAttribute("data-held"), String(held));
  await noJs.close();
  await section.screenshot({ path: `${shots}/after-years.png` });
  await context.close();
});

test("a theft's detail lists its freezes with what was returned, and one flow shows its splits by date", async () => {
  const flow = data.flows.reduce((a, b) => (b.status?.length ?? 0) > (a.status?.length ?? 0) ? b : a);
  const { page, context } = await open(browser, server, `?incident=${flow.incident}&flow=${flow.incident}`);
  assert.equal(await settled(page), "ready");
  const detail = page.locator(`[data-detail-after="${flow.incident}"]`);
  await detail.waitFor();
  const events = data.cooperation.filter((e) => e.incidents.includes(flow.incident));
  assert.equal(await detail.locator("li[data-coop]").count(), events.length);
  assert.match(await detail.locator("[data-after-gap]").innerText(), /returned to the victim:/);
  const status = page.locator(`#main figure[data-chart=flows] [data-flow-status="${flow.incident}"]`);
  assert.equal(await status.locator("tr[data-status-date]").count(), flow.status.length);
  for (const p of flow.status) {
    const row = status.locator(`tr[data-status-date="${p.date}"]`);
    assert.equal(await row.locator("a[href]").count() >= 1, true, `${p.date} links its source`);
  }
  await status.screenshot({ path: `${shots}/flow-status.png` });
  await context.close();
});

test("?since lists what changed in the view between the two releases and marks the changed thefts", async () => {
  const { page, log, context } = await open(browser, server, `?since=${earlier}`);
  assert.equal(await settled(page), "ready");
  const diff = page.locator(`#main section[data-diff="${earlier}"]`);
  await diff.waitFor();
  assert.equal(await diff.getAttribute("data-diff-to"), current);
  const old = JSON.parse(readFileSync(join(dist, "v", earlier, "data", "incidents.json"), "utf8"));
  const added = data.incidents.filter((i) => !old.incidents.some((o) => o.id === i.id));
  for (const i of added) {
    assert.equal(await diff.locator(`[data-diff-record="${i.id}"][data-diff-kind=added]`).count(), 1, `${i.id} added`);
    assert.equal(await page.locator(`#main tr[data-incident="${i.id}"][data-diff=added]`).count(), 1, `${i.id} row marked`);
  }
  assert.ok((await page.locator("#main figure[data-chart=timeline] g.mark[data-diff]").count()) >= added.length);
  assert.match(await diff.locator("[data-diff-headline=Incidents]").innerText(), new RegExp(`${old.incidents.length} → ${data.incidents.length}`));
  assert.equal(await page.locator("select[name=since]").inputValue(), earlier, "the picker shows the comparison");
  // Read from the checked copy the build writes beside the release's JSON.
  const loaded = log.responses.find((r) => r.url.endsWith(`/v/${earlier}/data/incidents.checked.json`));
  assert.equal(loaded?.status, 200, "the earlier release's frozen data was fetched");
  await diff.screenshot({ path: `${shots}/since.png` });
  // Citations name both releases.
  await page.click("[data-export=cite]");
  const text = await page.locator("[data-cite=text]").inputValue();
  assert.ok(text.includes(`release ${current}`) && text.includes(`compared with release ${earlier}`), text);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("?since at ?lang=ko quotes the amounts, dates and missing values it compares in Korean forms", async () => {
  // The oldest release: the one the current release revised values since.
  const oldest = versions[versions.length - 1].id;
  const { page, log, context } = await open(browser, server, `?since=${oldest}&lang=ko`);
  await page.waitForFunction(() => document.documentElement.lang === "ko" && document.documentElement.dataset.state === "ready", null, {
    timeout: 30000,
  });
  const diff = page.locator(`#main section[data-diff="${oldest}"]`);
  await diff.waitFor();
  const stolen = await diff.locator("[data-diff-headline=Stolen]").innerText();
  assert.match(stolen, /달러 → .*달러/, `the stolen line's amounts are Korean money: ${stolen}`);
  assert.ok(!stolen.includes("$"), stolen);
  // The revised values' cells (was, now): the page's own forms, never the English ones.
  // (Their text, not innerText: the list is folded, and a folded cell renders no text.)
  const cells = (
    await diff.locator("table[data-table=diff] tbody td:nth-child(3), table[data-table=diff] tbody td:nth-child(4)").allTextContents()
  ).map((t) => t.trim());
  assert.ok(cells.length > 0, `values revised since ${oldest}`);
  const english = cells.filter((t) => /^\$[\d.]+[KMB]?$|^\(none\)$|^\d{4}-\d{2}-\d{2}$|sources \(\+/.test(t));
  assert.deepEqual(english, [], "no value quoted in English");
  assert.ok(cells.some((t) => /달러$/.test(t)), "a revised amount in Korean money");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the picker beside the release line turns the comparison on and off through the address", async () => {
  const { page, context } = await open(browser, server, "?from=2024");
  assert.equal(await settled(page), "ready");
  await page.selectOption("#main select[name=since]", earlier);
  await page.waitForURL((u) => u.search.includes(`since=${earlier}`));
  await page.locator(`#main section[data-diff="${earlier}"]`).waitFor();
  assert.ok(page.url().includes("from=2024"), "the view is kept");
  await page.selectOption("#main select[name=since]", "");
  await page.waitForURL((u) => !u.search.includes("since="));
  assert.equal(await page.locator("#main section[data-diff]").count(), 0);
  await context.close();
});

test("embeds, slides and the printed pack carry the comparison", async () => {
  const embed = await open(browser, server, `?embed=timeline&since=${earlier}`);
  assert.equal(await settled(embed.page), "ready");
  await embed.page.locator(`details[data-diff="${earlier}"]`).waitFor();
  await embed.context.close();

  const slides = await open(browser, server, `?present=2&since=${earlier}`);
  assert.equal(await settled(slides.page), "ready");
  await slides.page.locator(`details[data-diff="${earlier}"]`).waitFor();
  await slides.context.close();

  const { page, context } = await open(browser, server, `?from=2024&since=${earlier}`);
  assert.equal(await settled(page), "ready");
  await page.locator(`#main section[data-diff="${earlier}"]`).waitFor();
  await page.evaluate(() => {
    window.__printedDiff = null;
    new MutationObserver(() => {
      const el = document.querySelector("#print-pack [data-diff]");
      if (el) window.__printedDiff = el.getAttribute("data-diff");
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.pdf({ format: "A4" });
  assert.equal(await page.evaluate(() => window.__printedDiff), earlier, "the pack prints the list");
  await context.close();
});

test("the build writes the feeds, the data package and CITATION.cff, and the page's head links the feeds", async () => {
  const { page, context } = await open(browser, server, "");
  assert.equal(await settled(page), "ready");
  const links = await page.locator("head link[rel=alternate]").evaluateAll((ls) => ls.map((l) => [l.type, l.href]));
  const types = links.map(([t]) => t);
  assert.ok(types.includes("application/atom+xml") && types.includes("application/feed+json"), JSON.stringify(links));
  for (const [, href] of links) {
    const r = await page.request.get(href);
    assert.equal(r.status(), 200, href);
  }
  const atom = await (await page.request.get(`${server.url}feed.atom`)).text();
  // Parsed as XML by the browser: a parse error gives no entries.
  const entries = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return doc.querySelector("parsererror") ? -1 : doc.getElementsByTagName("entry").length;
  }, atom);
  assert.equal(entries, data.changes.length, "the Atom feed parses, one entry per release");
  const feed = await (await page.request.get(`${server.url}feed.json`)).json();
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  for (const v of versions) {
    const zip = await page.request.get(`${server.url}v/${v.id}/package/heist-ledger-data-${v.id}.zip`);
    assert.equal(zip.status(), 200, `${v.id}: its package zip`);
    const pkg = await (await page.request.get(`${server.url}v/${v.id}/package/datapackage.json`)).json();
    assert.equal(pkg.version, v.id);
  }
  const link = page.locator("footer.page-footer [data-export=package]");
  assert.equal(await link.getAttribute("href"), `package/heist-ledger-data-${current}.zip`);
  const cff = await (await page.request.get(`${server.url}CITATION.cff`)).text();
  assert.match(cff, new RegExp(`version: "${current}"`));
  await context.close();
});
