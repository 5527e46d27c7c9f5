// Embeds as a journalist pastes them, on the release build, from another origin: every
// frame's posted height (its own message, AMP `embed-size`, Pym.js) is its content's, at
// 320, 640 and 1000 px, with nothing to scroll inside; the first height comes from the first
// view before the WebAssembly runs, and from a frame below the fold that nobody scrolled
// to; the Embed button's code fits a plain 320 and 640 px column without a script, in the
// light theme; and with JavaScript off the code's address shows the chart, its sources and
// the link back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, settled, shots, root } from "./harness.mjs";

const RELEASE = JSON.parse(readFileSync(join(root, "public", "data", "incidents.json"), "utf8")).release.id;
const CHARTS = ["yearly", "timeline", "flows", "figures"];

let server, browser;
withBrowser((c) => ({ server, browser } = c));

/** A host page on another origin (about:blank) framing `frames` ({id, src}) at `width`,
 * recording each frame's messages by frame, and resizing a frame to the height it posts
 * when `listen` (as a host with a script does). */
async function host(frames, { width, listen = true, spacer = 0, route } = {}) {
  const context = await browser.newContext({ viewport: { width: width + 40, height: 900 } });
  if (route) await context.route(route.pattern, route.handler);
  const page = await context.newPage();
  const iframes = frames
    .map((f) => `<iframe id="${f.id}" src="${f.src}" width="${width}" height="150" style="border:0;display:block"></iframe>`)
    .join("");
  await page.setContent(
    `<!doctype html><body style="margin:0"><script>
      window.__msgs = {}; window.__listen = ${listen};
      addEventListener("message", (e) => {
        const f = [...document.querySelectorAll("iframe")].find((x) => x.contentWindow === e.source);
        if (!f) return;
        (window.__msgs[f.id] ||= []).push({ data: e.data, at: performance.now() });
        const own = e.data && e.data.type === "heist-ledger:height";
        if (own && window.__listen) f.height = String(e.data.height);
      });
    </script><div style="height:${spacer}px"></div>${iframes}</body>`,
  );
  return { context, page };
}

/** The three forms' last heights a frame posted. */
async function posted(page, id) {
  const msgs = (await page.evaluate((id) => window.__msgs[id] || [], id)).map((m) => m.data);
  const own = msgs.filter((m) => m && m.type === "heist-ledger:height").at(-1)?.height;
  const amp = msgs.filter((m) => m && m.sentinel === "amp" && m.type === "embed-size").at(-1)?.height;
  const pym = msgs.filter((m) => typeof m === "string" && m.startsWith(`pymxPYMx${id}xPYMxheightxPYMx`)).at(-1);
  return { own, amp, pym: pym === undefined ? undefined : Number(pym.split("xPYMx")[3]) };
}

/** What a frame's page holds against its box. */
function measure() {
  const main = document.querySelector("main").getBoundingClientRect();
  const link = document.querySelector("[data-embed-link]")?.getBoundingClientRect();
  const el = document.querySelector("main");
  return {
    state: document.documentElement.dataset.state,
    main: Math.round(main.height),
    page: document.documentElement.scrollHeight,
    view: document.documentElement.clientHeight,
    inner: el.scrollHeight - el.clientHeight,
    linkBottom: link ? Math.ceil(link.bottom) : null,
    linkTop: link ? link.top : null,
  };
}

for (const width of [320, 640, 1000]) {
  test(`at ${width} px every embed posts its content's height in all three forms, with nothing to scroll`, async () => {
    const frames = CHARTS.map((c) => ({ id: c, src: `${server.url}?embed=${c}&childId=${c}` }));
    const { context, page } = await host(frames, { width });
    for (const { id } of frames) {
      // A frame off screen may get no frames to run in until it is scrolled to (its height
      // is posted before: see "below the fold").
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const frame = await (await page.waitForSelector(`#${id}`)).contentFrame();
      await frame.waitForFunction(() => ["ready", "error"].includes(document.documentElement.dataset.state), null, { timeout: 60000 });
      await frame.waitForFunction(() => document.querySelector("figure[data-chart] .chart-box svg"), null, { timeout: 30000 });
      await page.waitForTimeout(300);
      const h = await posted(page, id);
      const m = await frame.evaluate(measure);
      assert.equal(m.state, "ready", `${id} at ${width}`);
      assert.ok(h.own > 0 && h.own === h.amp && h.own === h.pym, `${id} at ${width}: the three forms agree: ${JSON.stringify(h)}`);
      assert.equal(m.main, h.own, `${id} at ${width}: the content is the posted height`);
      assert.equal(m.page, h.own, `${id} at ${width}: nothing outside the box`);
      assert.ok(m.inner <= 1, `${id} at ${width}: nothing scrolls inside the box (${m.inner} px hidden)`);
      assert.ok(m.linkBottom !== null && m.linkBottom <= m.view, `${id} at ${width}: the link back is in view (${m.linkBottom} > ${m.view})`);
      assert.ok(m.view >= m.page, `${id} at ${width}: the host's frame shows no scrollbar (${m.page} in ${m.view})`);
    }
    await page.screenshot({ path: `${shots}/embeds-${width}.png`, fullPage: true });
    await context.close();
  });
}

test("an embed posts its first height from the first view, before the WebAssembly runs", async () => {
  // The app's module never arrives: the height must come from the first view alone.
  const stalled = { pattern: "**/*.wasm", handler: () => {} };
  const { context, page } = await host([{ id: "w", src: `${server.url}?embed=flows&childId=w` }], { width: 640, route: stalled });
  await page.waitForFunction(() => (window.__msgs.w || []).some((m) => m.data && m.data.sentinel === "amp"), null, { timeout: 10000 });
  const first = await posted(page, "w");
  const frame = await (await page.$("#w")).contentFrame();
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), "loading", "the app has not run");
  await context.close();
  // The same height the app posts once it runs.
  const live = await host([{ id: "w", src: `${server.url}?embed=flows&childId=w` }], { width: 640 });
  const f = await (await live.page.waitForSelector("#w")).contentFrame();
  await f.waitForFunction(() => document.documentElement.dataset.state === "ready", null, { timeout: 60000 });
  const after = await posted(live.page, "w");
  assert.deepEqual(first, after, "the first height is the app's");
  await live.context.close();
});

test("a frame below the fold posts its height without being scrolled to", async () => {
  const { context, page } = await host([{ id: "low", src: `${server.url}?embed=yearly&childId=low` }], { width: 640, spacer: 4000 });
  await page.waitForFunction(() => (window.__msgs.low || []).some((m) => m.data && m.data.type === "heist-ledger:height"), null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => scrollY), 0, "nobody scrolled");
  const h = await posted(page, "low");
  assert.ok(h.own > 300 && h.own === h.amp && h.own === h.pym, JSON.stringify(h));
  await context.close();
});

test("a frame 3,000 px below the fold draws its chart at load, without being scrolled to", async () => {
  // The host's reader will scroll there: a chart drawn only then shows a blank box and jumps.
  for (const chart of ["flows", "yearly"]) {
    const { context, page } = await host([{ id: "low", src: `${server.url}?embed=${chart}&childId=low` }], { width: 640, spacer: 3000 });
    const frame = await (await page.waitForSelector("#low", { state: "attached" })).contentFrame();
    await frame.waitForFunction(
      () => document.documentElement.dataset.state === "ready" && document.querySelector("main > .embed figure[data-chart] .chart-box svg"),
      null,
      // Polled on a timer: Playwright's default polls on animation frames, which a frame
      // nobody has scrolled to never gets.
      { timeout: 30000, polling: 250 },
    );
    assert.equal(await page.evaluate(() => scrollY), 0, `${chart}: nobody scrolled`);
    const box = await page.locator("#low").boundingBox();
    assert.ok(box.y >= 3000, `${chart}: the frame is below the fold (at ${box.y} px)`);
    await page.waitForTimeout(300);
    const h = await posted(page, "low");
    const m = await frame.evaluate(measure);
    assert.ok(h.own > 300 && h.own === h.amp && h.own === h.pym, `${chart}: ${JSON.stringify(h)}`);
    assert.equal(m.main, h.own, `${chart}: the content is the posted height`);
    assert.ok(m.inner <= 1, `${chart}: nothing scrolls inside the box (${m.inner} px hidden)`);
    assert.equal(await page.evaluate(() => scrollY), 0, `${chart}: still nobody scrolled`);
    await context.close();
  }
});

test("the Embed button's code fits a plain 320 and 640 px column, light by default", async () => {
  const { page, context } = await open(browser, server, "");
  assert.equal(await settled(page), "ready");
  const codes = {};
  for (const chart of CHARTS) {
    const figure = page.locator(`figure[data-chart=${chart}]`);
    await figure.locator(`[data-export="${chart}.embed"]`).click();
    codes[chart] = await figure.locator("textarea[data-embed-code]").inputValue();
    assert.match(codes[chart], /theme=light/, `${chart}: light by default`);
    assert.match(codes[chart], new RegExp(`/v/${RELEASE}/embed/${chart}/\\?`), `${chart}: the chart's own page`);
    assert.doesNotMatch(codes[chart], /loading="lazy"/);
  }
  await context.close();
  for (const width of [640, 320]) {
    const ctx = await browser.newContext({ viewport: { width: width + 40, height: 900 }, colorScheme: "dark" });
    const host = await ctx.newPage();
    // Pasted as they are, into a column, with no script on the page.
    await host.setContent(`<!doctype html><body style="margin:0"><div style="width:${width}px">${Object.values(codes).join("")}</div></body>`);
    for (const [k, chart] of CHARTS.entries()) {
      await host.locator(`iframe >> nth=${k}`).scrollIntoViewIfNeeded();
      const frame = await (await host.$(`iframe:nth-of-type(${k + 1})`)).contentFrame();
      await frame.waitForFunction(() => document.documentElement.dataset.state === "ready" && document.querySelector(".chart-box svg"), null, { timeout: 60000 });
      await host.waitForTimeout(200);
      const m = await frame.evaluate(measure);
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "light", `${chart}: light in a dark reader's browser`);
      assert.ok(m.page <= m.view, `${chart} at ${width}: the content (${m.page} px) fits the frame (${m.view} px)`);
      assert.ok(m.inner <= 1, `${chart} at ${width}: nothing scrolls inside (${m.inner} px)`);
      assert.ok(m.linkBottom !== null && m.linkBottom <= m.view, `${chart} at ${width}: the link back shows`);
    }
    await host.screenshot({ path: `${shots}/embed-code-${width}.png`, fullPage: true });
    await ctx.close();
  }
});

test("with JavaScript off the embed code's address shows the chart, its sources and the link back", async () => {
  const ctx = await browser.newContext({ viewport: { width: 680, height: 900 }, javaScriptEnabled: false });
  const page = await ctx.newPage();
  for (const chart of CHARTS) {
    for (const base of [server.url, `${server.url}v/${RELEASE}/`]) {
      const response = await page.goto(`${base}embed/${chart}/?embed=${chart}&theme=light`);
      assert.equal(response.status(), 200, `${base}embed/${chart}/`);
      assert.equal(await page.locator(`figure[data-chart=${chart}] > svg`).count(), 1, `${chart}: the chart`);
      assert.equal(await page.locator(".page-header, #static, .filters").count(), 0, "not the whole page");
      const caption = await page.locator("figcaption").innerText();
      assert.match(caption, /^Sources?: /, caption);
      assert.match(caption, new RegExp(`Data as of .*\\(release ${RELEASE}\\)`));
      const back = await page.locator("[data-embed-link]").getAttribute("href");
      assert.ok(back.includes(`/v/${RELEASE}/`), `the link back is pinned: ${back}`);
      const box = await page.locator(`figure[data-chart=${chart}] > svg`).boundingBox();
      assert.ok(box.width <= 680, "the chart fits the frame");
    }
  }
  await page.screenshot({ path: `${shots}/embed-nojs.png`, fullPage: true });
  await ctx.close();
});
