// The paths a keyboard, screen-reader and phone reader takes work the first time: in-page
// links keep the view, folded tables are read but are no tab stops, closing the detail
// returns to what opened it, each filter's result is announced, search filters as one
// types, and on a phone the table is one card per incident, the filters fold, the first
// chart is near the top and timeline marks are big enough to tap.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, open, settled } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

test("in-page links keep the view and the skip link moves focus to the charts", async () => {
  const { page, context, log } = await open(browser, server, "?category=bridge");
  assert.equal(await settled(page), "ready");
  // A reload would reset this marker and the page's view.
  await page.evaluate(() => (window.__stayed = true));
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "skip", "the skip link comes first");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "charts");
  assert.ok(await page.evaluate(() => window.__stayed === true), "the page did not reload");
  assert.match(page.url(), /category=bridge/, "the view stays in the address");
  // The next Tab goes into the charts, not back to the top of the page.
  await page.keyboard.press("Tab");
  assert.ok(
    await page.evaluate(() => !!document.activeElement?.closest("#charts")),
    "the next stop is inside the charts",
  );

  await page.click("section.headline a[href='#changes']");
  await page.waitForFunction(() => document.querySelector("details#changes")?.open === true);
  assert.ok(await page.evaluate(() => window.__stayed === true), "What changed did not reload the page");
  assert.match(page.url(), /category=bridge/);
  assert.ok(
    await page.evaluate(() => !!document.activeElement?.closest("details#changes")),
    "focus is on the release log",
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("folded chart tables are in the accessibility tree but not in the tab order", async () => {
  const { page, context } = await open(browser, server);
  assert.equal(await settled(page), "ready");
  const stops = await page.evaluate(() =>
    [...document.querySelectorAll(".table-wrap.visually-hidden a[href], .table-wrap.visually-hidden button")].filter(
      (el) => el.tabIndex >= 0,
    ).length,
  );
  assert.equal(stops, 0, "no link or button in a folded table is a tab stop");
  const links = await page.locator(".table-wrap.visually-hidden a[href]").count();
  assert.ok(links > 0, "the folded tables hold links");

  // Chromium's own accessibility tree: the folded yearly table's caption is there and not ignored.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const caption = await page.locator("#yearly-table caption").first().textContent();
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const tables = nodes.filter((n) => n.role?.value === "table" && !n.ignored);
  assert.ok(tables.length >= 3, `the chart tables are exposed (${tables.length})`);
  const named = nodes.filter((n) => !n.ignored && (n.name?.value ?? "").includes(caption.trim().slice(0, 30)));
  assert.ok(named.length > 0, `the folded table "${caption.trim().slice(0, 30)}" is read`);
  const ignoredLinks = nodes.filter(
    (n) => n.role?.value === "link" && n.ignored && (n.ignoredReasons ?? []).some((r) => r.name === "notRendered"),
  );
  assert.equal(ignoredLinks.length, 0, "no link is left out as not rendered");

  // Shown whole, the table's links are tab stops again.
  await page.click("figure[data-chart=yearly] [data-action=table]");
  await page.waitForFunction(() => !document.querySelector("#yearly-table").classList.contains("visually-hidden"));
  const back = await page.evaluate(
    () => [...document.querySelectorAll("#yearly-table a[href]")].filter((el) => el.tabIndex >= 0).length,
  );
  assert.ok(back > 0, "an open table's links are tab stops");
  await context.close();
});

test("closing the detail returns focus to what opened it and the reader to where they were", async () => {
  const { page, context } = await open(browser, server);
  assert.equal(await settled(page), "ready");
  // From a row of the incident table, by keyboard.
  const button = page.locator("table.incident-table button[data-incident]").nth(3);
  const id = await button.getAttribute("data-incident");
  await button.scrollIntoViewIfNeeded();
  await button.focus();
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press("Enter");
  await page.locator(`aside[data-incident-detail="${id}"]`).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "detail-heading");
  await page.keyboard.press("Escape");
  await page.locator(`aside[data-incident-detail="${id}"]`).waitFor({ state: "detached" });
  await page.waitForFunction(
    (id) => document.activeElement?.getAttribute("data-incident") === id,
    id,
    { timeout: 5000 },
  );
  const after = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(after - before) < 40, `the page is back where it was (${before} → ${after})`);

  // From a timeline mark, by pointer, closed with the Close button.
  const mark = page.locator("figure[data-chart=timeline] g.mark[data-incident]").first();
  const markId = await mark.getAttribute("data-incident");
  await mark.scrollIntoViewIfNeeded();
  const at = await page.evaluate(() => window.scrollY);
  await mark.click({ force: true });
  await page.locator(`aside[data-incident-detail="${markId}"]`).waitFor();
  await page.click("aside.detail button.close");
  await page.locator(`aside[data-incident-detail="${markId}"]`).waitFor({ state: "detached" });
  await page.waitForFunction(
    (id) => !!document.activeElement?.closest("figure[data-chart=timeline]") &&
      (document.activeElement.getAttribute("data-incident") === id || document.activeElement.classList.contains("chart-box")),
    markId,
    { timeout: 5000 },
  );
  const back = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(back - at) < 40, `back at the timeline (${at} → ${back})`);

  // Escape closes an open detail wherever focus is, <body> included.
  await button.focus();
  await page.keyboard.press("Enter");
  await page.locator(`aside[data-incident-detail="${id}"]`).waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "BODY");
  await page.keyboard.press("Escape");
  await page.locator(`aside[data-incident-detail="${id}"]`).waitFor({ state: "detached" });
  await context.close();
});

test("a polite status line announces each filter's result, and search filters as one types", async () => {
  const { page, context } = await open(browser, server);
  assert.equal(await settled(page), "ready");
  const status = page.locator("#filter-result[role=status][aria-live=polite]");
  assert.equal(await status.count(), 1, "one polite status line");
  await page.check("input[name=category][value=bridge]");
  await page.waitForURL(/category=bridge/);
  await settled(page);
  const said = await status.textContent();
  const count = (await page.locator("[data-headline=count]").textContent()).trim();
  const total = (await page.locator("[data-headline=total]").textContent()).trim();
  assert.match(said, /^\d+ incidents?, \$[\d.]+[KMB]?, \d{4}(–\d{4})?$/, said);
  assert.ok(said.startsWith(`${count} incident`), `${said} names the count ${count}`);
  assert.ok(said.includes(total), `${said} names the total ${total}`);

  // Typing without Enter filters after a short pause; the history keeps one entry.
  await page.uncheck("input[name=category][value=bridge]");
  await page.waitForFunction(() => !location.search.includes("category"));
  await settled(page);
  const entries = await page.evaluate(() => history.length);
  await page.locator("input[name=q]").pressSequentially("Bybit", { delay: 40 });
  await page.waitForURL(/q=Bybit/, { timeout: 5000 });
  await settled(page);
  assert.equal(await status.textContent(), "1 incident, $1.46B, 2017–2026", "the search's result is announced");
  assert.equal(await page.evaluate(() => history.length), entries, "typing replaces the history entry");
  assert.equal(await page.locator("input[name=q]").inputValue(), "Bybit", "the typed text stays as typed");
  await context.close();
});

for (const width of [360, 390]) {
  test(`at ${width} px the incident table is one card per incident with its amount in view`, async () => {
    const { page, context } = await open(browser, server, "", { width, height: 800 });
    assert.equal(await settled(page), "ready");
    const rows = await page.evaluate(() => {
      const out = [];
      for (const tr of document.querySelectorAll("table.incident-table tbody tr")) {
        const amount = tr.querySelector("td.num").getBoundingClientRect();
        const name = tr.querySelector("th[scope=row]");
        const r = tr.getBoundingClientRect();
        out.push({
          right: amount.right,
          left: amount.left,
          height: r.height,
          nameWidth: name.getBoundingClientRect().width,
          name: name.textContent,
        });
      }
      const scroller = document.querySelector("section.incidents .table-scroll");
      return { rows: out, viewport: innerWidth, scroller: scroller.scrollWidth, box: scroller.clientWidth };
    });
    assert.ok(rows.rows.length > 0);
    assert.ok(rows.scroller <= rows.box + 1, `the table does not scroll sideways (${rows.scroller} > ${rows.box})`);
    for (const r of rows.rows) {
      assert.ok(r.right <= rows.viewport && r.left >= 0, `${r.name}: amount in view (${r.left}–${r.right})`);
    }
    const mean = rows.rows.reduce((s, r) => s + r.height, 0) / rows.rows.length;
    // Today's build averaged 161 px a row, its names broken letter by letter.
    assert.ok(mean < 140, `cards are compact (mean ${mean.toFixed(0)} px)`);
    // No name broken inside a word: every word of a name fits on one line of its cell.
    const broken = await page.evaluate(() => {
      const out = [];
      for (const th of document.querySelectorAll("table.incident-table tbody th[scope=row] button")) {
        const range = document.createRange();
        const text = th.firstChild?.firstChild ?? th.firstChild;
        if (!text || text.nodeType !== 3) continue;
        let at = 0;
        for (const word of text.textContent.split(" ")) {
          if (word.length > 1) {
            range.setStart(text, at);
            range.setEnd(text, at + word.length);
            if (range.getClientRects().length > 1) out.push(word);
          }
          at += word.length + 1;
        }
      }
      return out;
    });
    assert.deepEqual(broken, [], "no name is broken mid-word");
    await context.close();
  });
}

test("on a phone the filters fold behind a button naming the filter, and the first chart is about a screen down", async () => {
  const { page, context } = await open(browser, server, "?category=bridge", { width: 360, height: 740 });
  assert.equal(await settled(page), "ready");
  const toggle = page.locator("button.filters-toggle");
  assert.ok(await toggle.isVisible(), "a Filters button");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.match(await toggle.textContent(), /Bridge/, "it names the filter in force");
  assert.ok(!(await page.locator("section.filters").isVisible()), "the filters are folded");
  const top = await page.evaluate(
    () => document.querySelector("figure[data-chart=yearly]").getBoundingClientRect().top + scrollY,
  );
  assert.ok(top < 740 * 1.25, `the first chart starts within about a screen (${top} px)`);
  // The print and theme buttons stand after the headline figures, none above them.
  const order = await page.evaluate(() => {
    const figures = document.querySelector("section.headline dl").getBoundingClientRect().bottom;
    return [...document.querySelectorAll("button[data-print], button.theme-toggle")]
      .filter((b) => b.getBoundingClientRect().height > 0)
      .map((b) => Math.round(b.getBoundingClientRect().top - figures));
  });
  assert.equal(order.length, 3, "both print buttons and the theme button are on the page");
  assert.ok(order.every((d) => d >= 0), `no print or theme button above the headline (${order})`);
  await toggle.click();
  assert.ok(await page.locator("section.filters").isVisible(), "the button opens them");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await page.uncheck("input[name=category][value=bridge]");
  await page.waitForFunction(() => !location.search.includes("category"));
  await settled(page);
  assert.match(await toggle.textContent(), /All incidents/);
  // On a wide screen there is no button and the filters are open.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(!(await toggle.isVisible()));
  await toggle.click({ force: true }).catch(() => {});
  assert.ok(await page.locator("section.filters").isVisible());
  await context.close();
});

test("on a phone every timeline mark is a tap target of 24 px or more and a tap comes back on close", async () => {
  const { page, context } = await open(browser, server, "", { width: 360, height: 740 });
  assert.equal(await settled(page), "ready");
  await page.locator("figure[data-chart=timeline] .chart-box").scrollIntoViewIfNeeded();
  // Probe 11.5 px from each mark's centre in four directions: the mark itself takes the tap
  // (another mark may sit there; then it is that mark's area, which is a target too).
  const misses = await page.evaluate(() => {
    const out = [];
    const marks = [...document.querySelectorAll("figure[data-chart=timeline] g.mark[data-incident]")];
    for (const m of marks) {
      const c = m.querySelector("circle").getBoundingClientRect();
      if (c.width === 0) continue;
      if (c.top < 0 || c.bottom > innerHeight) {
        out.push(`${m.getAttribute("data-incident")} (off screen)`);
        continue;
      }
      const [x, y] = [c.left + c.width / 2, c.top + c.height / 2];
      let hit = 0;
      for (const [dx, dy] of [[11.5, 0], [-11.5, 0], [0, 11.5], [0, -11.5]]) {
        const el = document.elementFromPoint(x + dx, y + dy);
        if (el?.closest("g.mark[data-incident], circle.hit[data-incident]")) hit += 1;
      }
      if (hit < 4) out.push(`${m.getAttribute("data-incident")} (${hit}/4)`);
    }
    return out;
  });
  assert.deepEqual(misses, [], "each mark takes taps within 12 px of its centre");
  const mark = page.locator("figure[data-chart=timeline] g.mark[data-incident]").nth(5);
  const id = await mark.getAttribute("data-incident");
  await mark.scrollIntoViewIfNeeded();
  const at = await page.evaluate(() => scrollY);
  await mark.click({ force: true });
  const panel = page.locator(`aside[data-incident-detail="${id}"]`);
  await panel.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "detail-heading");
  const box = await panel.boundingBox();
  assert.ok(box.y < 740 && box.y + 40 > 0, "the detail is in view");
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  await page.waitForTimeout(100);
  const back = await page.evaluate(() => scrollY);
  assert.ok(Math.abs(back - at) < 40, `closing brings the reader back to the mark (${at} → ${back})`);
  await context.close();
});
