// The page in the reader's language (issue 17): `?lang=ko|ja|fr` at 360 and 1280 px sets
// <html lang>, shows the header and headline in that language's words (read from the same
// i18n files the page fetches) with its number forms, cuts or overlaps no label and never
// scrolls sideways; the picker switches language and keeps the rest of the view, and Back
// returns to the last one; an unknown `?lang=` is ignored with a notice; the static `/ko/`
// page reads Korean with JavaScript off and carries the hreflang alternates.
// Screenshots: target/e2e/lang-{ko,ja,fr}-{360,1280}.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, settled, shots, root } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

const words = (code) => JSON.parse(readFileSync(join(root, "i18n", `${code}.json`), "utf8"));
const LANGS = ["en", "ko", "ja", "fr", "de", "it"];

/** Waits until the page is drawn in `code` (its words arrive after the first view). */
async function inLanguage(page, code) {
  await page.waitForFunction((c) => document.documentElement.lang === c && document.documentElement.dataset.state === "ready", code, {
    timeout: 30000,
  });
}

/** What the checks read off the page: texts, boxes that overlap or are cut, sideways scroll. */
function readPage() {
  const box = (el) => el.getBoundingClientRect();
  const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const picker = [...document.querySelectorAll("header .lang-picker a")];
  const boxes = picker.map(box);
  const overlapping = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) overlapping.push(`${picker[i].textContent} / ${picker[j].textContent}`);
  const outside = picker.filter((a) => box(a).right > innerWidth + 1 || box(a).left < -1).map((a) => a.textContent);
  // A heading or a headline label wider than its box is cut.
  const cut = [...document.querySelectorAll("h1, figure h2, .headline dt, .headline .value")]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible")
    .map((el) => el.textContent);
  // A headline amount split over two lines (its unit parted from it) or running out of its card.
  const parted = [...document.querySelectorAll(".headline .value")]
    .filter((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return lines.size > 1 || box(el).right > box(el.closest(".figure")).right + 1;
    })
    .map((el) => el.textContent);
  const ellipsis = [...document.querySelectorAll("figure svg .labels text")].map((t) => t.textContent).filter((t) => t.includes("…"));
  return {
    lang: document.documentElement.lang,
    tagline: document.querySelector(".tagline")?.textContent,
    machineNote: document.querySelector("[data-machine-translation]")?.textContent ?? null,
    total: document.querySelector('[data-headline="total"]')?.textContent,
    totalLabel: document.querySelector('[data-headline="total"]')?.closest(".figure")?.querySelector("dt")?.textContent,
    largest: document.querySelector('[data-headline="largest"]')?.closest("dd")?.textContent,
    current: document.querySelector('header .lang-picker a[aria-current="true"]')?.getAttribute("data-lang"),
    picker: picker.map((a) => a.getAttribute("data-lang")),
    overlapping,
    outside,
    cut,
    parted,
    ellipsis,
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  };
}

/** The number forms each language's headline must show. */
const FORMS = {
  ko: { total: /^\d[\d,]*억([\d,]+만)? 달러$/, largest: /2025년 2월 21일/ },
  ja: { total: /^\d+億(\d+万)?ドル$/, largest: /2025年2月21日/ },
  fr: { total: /^\d+(,\d+)?\u00a0milliards? de dollars$/, largest: /21 février 2025/ },
};

for (const code of ["ko", "ja", "fr"]) {
  for (const width of [360, 1280]) {
    test(`?lang=${code} at ${width} px: <html lang>, its words and number forms, nothing cut, overlapping or scrolling sideways`, async () => {
      const { page, context, log } = await open(browser, server, `?lang=${code}`, { width, height: 900 });
      await inLanguage(page, code);
      const got = await page.evaluate(readPage);
      const w = words(code);
      assert.equal(got.lang, code);
      assert.equal(got.tagline, w["header.tagline"]);
      assert.equal(got.machineNote, w["header.machine_note"], "the page says its words are a machine translation");
      assert.match(got.total, FORMS[code].total);
      assert.match(got.largest, FORMS[code].largest);
      assert.ok(got.totalLabel.startsWith(w["headline.stolen"].split("{")[0]), got.totalLabel);
      assert.equal(got.current, code, "the picker marks the language in force");
      assert.deepEqual(got.picker, LANGS);
      assert.deepEqual(got.overlapping, [], "no two picker links overlap");
      assert.deepEqual(got.outside, [], "every picker link is on screen");
      assert.deepEqual(got.cut, [], "no heading or headline label is cut");
      assert.deepEqual(got.parted, [], "each headline amount stays on one line with its unit, inside its card");
      assert.deepEqual(got.ellipsis, [], "no chart label ends in an ellipsis");
      assert.ok(got.scroll <= got.client, `no sideways scroll: ${got.scroll} <= ${got.client}`);
      assert.deepEqual(log.errors, []);
      if (code !== "fr" || width === 1280) await page.screenshot({ path: `${shots}/lang-${code}-${width}.png`, fullPage: false });
      await context.close();
    });
  }
}

/** The publishers' outlook and the release log as the page shows them, with the words the
 * page itself wrote (the dataset's own English, marked lang="en", taken out). */
function readProse() {
  const own = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('[lang="en"]').forEach((x) => x.remove());
    return copy.textContent;
  };
  const lines = [
    ...document.querySelectorAll(
      "[data-outlook] li, details#changes > summary, details#changes .release-summary, details#changes section.release > details > summary",
    ),
  ];
  return {
    outlook: document.querySelector("[data-outlook] > summary")?.textContent,
    log: document.querySelector("details#changes > summary")?.textContent,
    release: document.querySelector("details#changes section.release h3")?.textContent,
    english: lines.map(own).filter((t) => /\b(Next|latest read|expected|published|added|revised|removed|Release)\b/.test(t)),
  };
}

test("the publishers' outlook and the release log read in Korean at ?lang=ko and at /ko/ without JavaScript", async () => {
  const w = words("ko");
  const check = (got, where) => {
    assert.ok(
      got.outlook === w["outlook.title"] || got.outlook?.startsWith(w["outlook.due"].split("{")[0]),
      `${where}: the outlook's line is Korean: ${got.outlook}`,
    );
    assert.equal(got.log, w["change.log"], `${where}: the release log's line`);
    assert.match(got.release ?? "", /^릴리스 \S+\(\d{4}년 \d{1,2}월 \d{1,2}일\)$/, `${where}: a release's heading`);
    assert.deepEqual(got.english, [], `${where}: no English left but the dataset's own`);
  };
  const { page, context, log } = await open(browser, server, "?lang=ko");
  await inLanguage(page, "ko");
  check(await page.evaluate(readProse), "?lang=ko");
  assert.deepEqual(log.errors, []);
  await context.close();
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const first = await noJs.newPage();
  await first.goto(server.url + "ko/");
  check(await first.evaluate(readProse), "/ko/");
  await noJs.close();
});

test("the picker switches language, keeps the rest of the view, and Back returns to the last language", async () => {
  const { page, context, log } = await open(browser, server, "?from=2022&lang=ko");
  await inLanguage(page, "ko");
  const before = await page.evaluate(readPage);
  await page.click('header .lang-picker a[data-lang="fr"]');
  await inLanguage(page, "fr");
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("lang"), "fr");
  assert.equal(url.searchParams.get("from"), "2022", "the rest of the view is kept");
  const after = await page.evaluate(readPage);
  assert.equal(after.tagline, words("fr")["header.tagline"]);
  assert.notEqual(after.total, before.total, "the amount is written the French way");
  await page.goBack();
  await inLanguage(page, "ko");
  assert.equal((await page.evaluate(readPage)).tagline, words("ko")["header.tagline"]);
  await page.click('header .lang-picker a[data-lang="en"]');
  await inLanguage(page, "en");
  const english = await page.evaluate(readPage);
  assert.equal(english.machineNote, null, "English carries no machine-translation line");
  assert.equal(english.tagline, words("en")["header.tagline"]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an unknown ?lang= is ignored with a notice and the page stays English", async () => {
  const { page, context } = await open(browser, server, "?lang=xx");
  assert.equal(await settled(page), "ready");
  const notices = await page.locator("[data-slot=notices]").textContent();
  assert.match(notices, /Ignored lang=xx/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await context.close();
});

test("the static /ko/ page reads Korean without JavaScript and every page carries the hreflang alternates", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const [path, code] of [["", "en"], ["ko/", "ko"], ["ja/", "ja"], ["fr/", "fr"], ["de/", "de"], ["it/", "it"]]) {
    await page.goto(server.url + path);
    const got = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.hreflang, new URL(l.href).pathname]),
      tagline: document.querySelector(".tagline")?.textContent,
      picker: [...document.querySelectorAll("header .lang-picker a")].map((a) => new URL(a.href).pathname),
    }));
    assert.equal(got.lang, code, path);
    assert.equal(got.tagline, words(code)["header.tagline"], path);
    assert.deepEqual(
      got.alternates,
      [...LANGS.map((l) => [l, `/heist-ledger/${l === "en" ? "" : `${l}/`}`]), ["x-default", "/heist-ledger/"]],
      `${path}: one alternate per language and x-default`,
    );
    assert.deepEqual(got.picker, LANGS.map((l) => `/heist-ledger/${l === "en" ? "" : `${l}/`}`), `${path}: the picker links reach each static page`);
  }
  await page.goto(server.url + "ko/");
  const headline = await page.locator('[data-headline="total"]').textContent();
  assert.match(headline, FORMS.ko.total);
  await context.close();
});

test("an incident's summary shows its Korean translation marked as machine-made, and French falls back to marked English", async () => {
  for (const [code, textLang, translation] of [["ko", "ko", "machine"], ["fr", "en", "none"]]) {
    const { page, context, log } = await open(browser, server, `?lang=${code}&incident=bybit-2025`);
    await inLanguage(page, code);
    const summary = page.locator("[data-slot=detail] p.summary");
    await summary.waitFor();
    const got = await summary.evaluate((p) => ({
      lang: p.querySelector("bdi")?.getAttribute("lang"),
      text: p.querySelector("bdi")?.textContent,
      note: p.querySelector(".data-note")?.textContent,
      kind: p.querySelector(".data-note")?.dataset.translation,
    }));
    const w = words(code);
    assert.equal(got.lang, textLang, code);
    assert.equal(got.kind, translation, code);
    assert.equal(got.note, translation === "machine" ? w["data.machine_unreviewed"] : w["data.english_only"], code);
    if (code === "ko") assert.match(got.text, /[가-힣]/, "the summary is Korean");
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});
