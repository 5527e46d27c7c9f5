// Faulty data responses (tests/e2e/faults.mjs and server.mjs's __faults__/ routes), in
// headless Chromium against the release build: each gives the right message (sizes in MB),
// a working "Try again", keeps the last good view on screen and never leaves a blank page;
// refused bodies do not grow the wasm memory, and identical filter rounds keep it stable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, open, settled, shots } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

const MB = 1024 * 1024;
// Stalls are detected after 10 s without a byte (src/web/fetch.rs STALL_MS); the slowest
// fault here, the trickle, takes 22 s.
const SLOW = 60_000;

/** The page with the bundled dataset drawn, and what its last good view shows. */
async function goodPage() {
  const opened = await open(browser, server);
  assert.equal(await settled(opened.page), "ready");
  return { ...opened, kept: await view(opened.page) };
}

/** What the reader sees of the data: the headline figures and every chart's svg. */
async function view(page) {
  return page.evaluate(() => ({
    total: document.querySelector("[data-headline=total]")?.textContent ?? null,
    count: document.querySelector("[data-headline=count]")?.textContent ?? null,
    charts: [...document.querySelectorAll("#charts figure[data-chart]")].map(
      (f) => f.querySelector(".chart-box svg")?.outerHTML ?? null,
    ),
  }));
}

/** Asks for another dataset through the data box in the footer, as a reader does. */
async function switchTo(page, path) {
  await page.fill("form.data-source input[name=data]", path);
  await page.click("form.data-source button[type=submit]");
}

/** The requests the server has had for `path`. */
const asked = (path) => server.requests.filter((r) => r.endsWith(path)).length;

/** Waits for the load in progress to end, then returns the alert's text. */
async function failed(page) {
  await page.waitForFunction(
    () => document.documentElement.dataset.state === "error" && !document.querySelector("[data-loading]"),
    null,
    { timeout: SLOW },
  );
  return page.locator("main .alert[role=alert]").innerText();
}

/** The page still has its header, its charts and nothing but expected network errors. */
async function notBlank(page, log) {
  assert.equal(await page.locator("h1:visible").count(), 1, "the page is not blank");
  assert.equal(await page.locator("#charts figure[data-chart]").count(), 4, "the chart sections are there");
  const unexpected = log.errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));
  assert.deepEqual(unexpected, [], "no panic or script error");
}

/** Clicks "Try again" and waits for that request to be made again and to fail again. By the
 * time the server has the request, the page shows the load in progress, so `failed` waits
 * for the new answer, not the old one. */
async function retried(page, path, pattern) {
  const before = asked(path);
  await page.click("main .alert button.retry");
  await waitFor(() => asked(path) > before, `"Try again" asks for ${path} again`);
  const again = await failed(page);
  assert.match(again, pattern, again);
}

/** Polls a condition of the test's own (the server's request log). */
async function waitFor(condition, what, timeout = SLOW) {
  const until = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > until) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The wasm module's memory, read through the JS glue's own export: the glue module is the
 * one boot.js imported (same URL, so the same instance), and its init returns the instance's
 * exports once started. No test-only hook in the app. */
async function wasmMemory(page) {
  return page.evaluate(async () => {
    const glue = await import(new URL("heist-ledger.js", document.baseURI).href);
    return (await glue.default()).memory.buffer.byteLength;
  });
}

// Each fault: the route, the words the alert must hold, and the sizes it must not give in bytes.
const FAULTS = [
  ["a server error", "__faults__/500.json", /The server answered 500 Internal Server Error/],
  ["a missing file", "__faults__/no-such-file.json", /The server answered 404 Not Found[\s\S]*Check the address/],
  [
    "a body cut off before its announced length",
    "__faults__/truncated.json",
    /was cut off after [\d.]+ MB of 2 MB: the connection closed before the end/,
  ],
  [
    "a body over the limit, chunked with no length",
    "__faults__/chunked-huge.json",
    /larger than the 256 MB limit: reading stopped after 25\d MB/,
  ],
  [
    "a small gzip that expands past the limit",
    "__faults__/gzip-bomb.json",
    /larger than the 256 MB limit: reading stopped after 25\d MB/,
  ],
];

for (const [what, path, pattern] of FAULTS) {
  test(`${what} gets a clear message and a working retry, and the last good view stays`, async () => {
    const { page, log, context, kept } = await goodPage();
    await switchTo(page, path);
    const alert = await failed(page);
    assert.match(alert, pattern, alert);
    assert.doesNotMatch(alert, /\d{6,} bytes|JsValue|TimeoutError/, "sizes in MB, no raw browser error");
    assert.ok(alert.includes("last data that loaded"), "the panel says the view is the last good one");
    assert.deepEqual(await view(page), kept, "the last good view stays on screen");
    await retried(page, path, pattern);
    assert.deepEqual(await view(page), kept, "still the last good view after the retry");
    await notBlank(page, log);
    await page.screenshot({ path: `${shots}/fault-${path.split("/").pop().replace(".json", "")}.png` });
    await context.close();
  });
}

test("a body that stops mid-way is reported as stalled after 10 seconds, with what had arrived", async () => {
  const { page, log, context, kept } = await goodPage();
  await switchTo(page, "__faults__/stall.json");
  const status = page.locator("[data-loading] [role=status]");
  await status.filter({ hasText: /0\.1 MB received/ }).waitFor({ timeout: SLOW });
  const alert = await failed(page);
  assert.match(alert, /stopped arriving: nothing came for 10 seconds after 0\.1 MB/, alert);
  assert.doesNotMatch(alert, /TimeoutError|signal timed out/, alert);
  assert.deepEqual(await view(page), kept, "the last good view stays on screen");
  await retried(page, "__faults__/stall.json", /stopped arriving/);
  await notBlank(page, log);
  await context.close();
});

test("a slow but steady body loads in the end, showing MB of the total as it arrives", async () => {
  const { page, log, context } = await goodPage();
  await switchTo(page, "__faults__/trickle.json");
  const status = page.locator("[data-loading] [role=status]");
  const seen = new Set();
  // Sample the status until the load ends: the figure grows towards the total.
  while ((await page.locator("[data-loading]").count()) > 0) {
    const text = await status.innerText().catch(() => "");
    const m = text.match(/([\d.]+) MB of ([\d.]+) MB received/);
    if (m) seen.add(m[1]);
    await page.waitForTimeout(400);
  }
  assert.equal(await settled(page, SLOW), "ready");
  assert.ok(seen.size >= 3, `the received figure moved: ${[...seen].join(", ")}`);
  assert.equal(await page.locator("main .alert[role=alert]").count(), 0, "no alert");
  assert.equal(await page.locator("#charts .chart-box svg").count(), 4, "every chart is drawn");
  assert.ok(await page.evaluate(() => location.search.includes("trickle.json")));
  await notBlank(page, log);
  await context.close();
});

test("after a server error with nothing on screen yet, Try again loads the data", async () => {
  const { page, log, context } = await open(browser, server, "?data=__faults__/recovers.json");
  const alert = await failed(page);
  assert.match(alert, /The server answered 503 Service Unavailable/, alert);
  assert.equal(await page.locator("h1:visible").count(), 1, "the page is not blank");
  await page.click("main .alert button.retry");
  // The page stays in `error` until the retry's data arrives (the panel goes then): wait
  // for that first, or a busy machine reads the old state before the retry has answered.
  await page.waitForFunction(() => !document.querySelector("main .alert[role=alert]"), null, { timeout: SLOW });
  assert.equal(await settled(page, SLOW), "ready");
  assert.equal(await page.locator("#charts .chart-box svg").count(), 4, "every chart is drawn");
  await notBlank(page, log);
  await context.close();
});

test("a refused oversized body or gzip bomb does not grow the wasm memory", async () => {
  const { page, context } = await goodPage();
  const start = await wasmMemory(page);
  for (const path of ["__faults__/chunked-huge.json", "__faults__/gzip-bomb.json"]) {
    await switchTo(page, path);
    assert.match(await failed(page), /256 MB limit/);
  }
  const after = await wasmMemory(page);
  console.log(`wasm memory: ${(start / MB).toFixed(1)} MB before, ${(after / MB).toFixed(1)} MB after two refused 256 MB+ bodies`);
  // Generous: the bodies are 320 MB; the buffers they would have filled, 256 MB each.
  assert.ok(after - start < 16 * MB, `grew by ${((after - start) / MB).toFixed(1)} MB`);
  await context.close();
});

test("identical filter rounds keep the wasm memory stable after a warm-up", async () => {
  const { page, context } = await goodPage();
  const round = async () => {
    await page.locator("input[name=category]").first().check();
    await page.waitForFunction(() => location.search.includes("category="));
    await page.locator("input[name=category]").first().uncheck();
    await page.waitForFunction(() => !location.search.includes("category="));
  };
  for (let k = 0; k < 10; k++) await round();
  const warm = await wasmMemory(page);
  for (let k = 0; k < 80; k++) await round();
  const after = await wasmMemory(page);
  console.log(`wasm memory: ${(warm / MB).toFixed(1)} MB after 10 warm-up rounds, ${(after / MB).toFixed(1)} MB after 80 more`);
  assert.ok(after - warm <= 2 * MB, `grew by ${((after - warm) / MB).toFixed(1)} MB over 80 identical rounds`);
  await context.close();
});

// The checker's files broken on the way (server.mjs's `faults.boot`): a reader's file then
// gets a message naming the checker and a working "Try again", and the last good view stays.
// The site's own data never needs the checker, so the page itself starts as usual.
const CHECKER_FAULTS = [
  ["its start-up script missing", "checker-loader.js", "404", /dataset checker \(checker-loader\.js\) could not be started: its script \(checker-loader\.js\) could not be loaded/],
  ["its script missing", "checker.js", "404", /dataset checker \(checker-loader\.js\) could not be started: .*checker\.js/],
  ["its program missing", "checker_bg.wasm", "404", /could not be started: its program \(checker_bg\.wasm\) could not be loaded/],
  ["its program stalled", "checker_bg.wasm", "stall", /could not be started: it has not loaded after 30 seconds/],
];

for (const [what, file, kind, pattern] of CHECKER_FAULTS) {
  test(`the checker with ${what}: a reader's file gets a message naming it and a working retry, and the last good view stays`, async () => {
    const { page, log, context, kept } = await goodPage();
    server.faults.boot = { [file]: kind };
    try {
      await switchTo(page, "__fixtures__/minimal.json");
      const text = await failed(page);
      assert.match(text, pattern, text);
      assert.deepEqual(await view(page), kept, "the last good view stays on screen");
      await notBlank(page, log);
      delete server.faults.boot;
      await page.click("main .alert button.retry");
      assert.equal(await settled(page, SLOW), "ready", "Try again reads the file once the checker is back");
      assert.notDeepEqual(await view(page), kept, "the reader's file is on screen");
      await context.close();
    } finally {
      delete server.faults.boot;
    }
  });
}

test("without the checked copy (a build without the render step) the bundled JSON is read through the checker", async () => {
  const { context: first, kept } = await goodPage();
  await first.close();
  server.faults.boot = { "data/incidents.checked.json": "404" };
  try {
    const since = server.requests.length;
    const { page, log, context } = await open(browser, server);
    assert.equal(await settled(page, SLOW), "ready");
    const asked = server.requests.slice(since);
    for (const file of ["data/incidents.checked.json", "data/incidents.json", "checker-loader.js", "checker_bg.wasm"]) {
      assert.ok(asked.some((r) => r.endsWith(`/heist-ledger/${file}`)), `${file} was asked for: ${asked}`);
    }
    assert.deepEqual(await view(page), kept, "the same data on screen as from the checked copy");
    await notBlank(page, log);
    await context.close();
  } finally {
    delete server.faults.boot;
  }
});

// The app's own files broken on the way (server.mjs's `faults.boot`): each is said in plain
// words (no compiler or browser jargon in the heading) with a working "Try again", and the
// first view stays readable but visibly not live, its controls switched off.
const BOOT_FAULTS = [
  ["the start-up script missing", "boot.js", "404", /start-up script \(boot\.js\) could not be loaded/],
  ["the script missing", "heist-ledger.js", "404", /its script \(heist-ledger\.js\) is missing on the server \(it answered 404 Not Found\)/],
  ["the script served as a web page", "heist-ledger.js", "html", /its script \(heist-ledger\.js\) came back as a web page \(text\/html/],
  ["the script empty", "heist-ledger.js", "empty", /its script \(heist-ledger\.js\) is empty on the server/],
  ["the program missing", "heist-ledger_bg.wasm", "404", /its program \(heist-ledger_bg\.wasm\) is missing on the server \(it answered 404 Not Found\)/],
  ["the program served as a web page", "heist-ledger_bg.wasm", "html", /its program \(heist-ledger_bg\.wasm\) came back as a web page/],
  ["the program empty", "heist-ledger_bg.wasm", "empty", /its program \(heist-ledger_bg\.wasm\) is empty on the server/],
  ["the program cut short", "heist-ledger_bg.wasm", "truncated", /its program \(heist-ledger_bg\.wasm\) is damaged or incomplete/],
  ["the program stalled", "heist-ledger_bg.wasm", "stall", /its program \(heist-ledger_bg\.wasm\) stopped arriving: nothing came for 10 seconds after [\d.]+ MB/],
  ["the script stalled", "heist-ledger.js", "stall", /its script \(heist-ledger\.js\) has not arrived after 20 seconds/],
];

for (const [what, file, kind, pattern] of BOOT_FAULTS) {
  test(`${what}: the page says so in plain words with a retry, and the first view stays readable but not live`, async () => {
    server.faults.boot = { [file]: kind };
    try {
      const { page, context } = await open(browser, server);
      await page.waitForFunction(() => document.documentElement.dataset.state === "error", null, { timeout: SLOW });
      const heading = await page.locator("#fatal h2").innerText();
      assert.match(heading, /^The dashboard could not start: /, heading);
      assert.match(heading, pattern, heading);
      assert.doesNotMatch(heading, /expected \d+ bytes|fell off|@\+\d|CompileError|TypeError|undefined/, "plain words");
      assert.match(await page.locator("#fatal").innerText(), /readable and complete with its sources, but it is not live/);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.live), "false", "marked not live");
      assert.ok((await page.locator("#static [data-headline=total]").innerText()).startsWith("$"), "the first view is readable");
      assert.equal(await page.locator("#static figure[data-chart] svg").first().isVisible(), true, "its charts are on screen");
      assert.equal(await page.locator("#static select[name=from]").isDisabled(), true, "its controls are switched off");
      await page.screenshot({ path: `${shots}/boot-${file.replace(/\W+/g, "-")}-${kind}.png` });
      delete server.faults.boot;
      await Promise.all([page.waitForEvent("load"), page.click("#fatal button.retry")]);
      assert.equal(await settled(page, SLOW), "ready", "Try again starts the dashboard once the file is back");
      // The app adopts the first view: the same page, now live.
      assert.equal(await page.locator("#static select[name=from]").isDisabled(), false, "its controls work again");
      assert.equal(await page.locator("#fatal").isVisible(), false, "the panel is gone");
      await context.close();
    } finally {
      delete server.faults.boot;
    }
  });
}
