// The incidents' notes in the reader's language (issue 17): on `?lang=ja` the detail panel
// shows an incident's vector detail, amount note and attribution note in Japanese from
// data/texts/incidents.ja.json, each marked lang="ja" with the machine-translation note;
// French (no texts yet) shows them in English marked lang="en" and noted as English; the
// English page fetches no texts file, nor another language's until an incident is opened; a
// release's page reads its own copy; and a texts file
// the page cannot read leaves the notes in English with a notice saying why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, open, root } from "./harness.mjs";

let server;
let browser;
withBrowser((c) => ({ server, browser } = c));

const json = (...path) => JSON.parse(readFileSync(join(root, ...path), "utf8"));
const words = (code) => json("i18n", `${code}.json`);
const texts = (code) => json("public", "data", "texts", `incidents.${code}.json`);
const dataset = json("public", "data", "incidents.json");
const ID = "bybit-2025";
const bybit = dataset.incidents.find((i) => i.id === ID);
const english = { vector_detail: bybit.vector_detail, amount_note: bybit.amount_note, attribution_note: bybit.attribution.note };

/** Every marked text in the detail panel's facts: its language, text and note. */
function readNotes() {
  return [...document.querySelectorAll("[data-slot=detail] dd bdi[lang]")].map((b) => {
    const note = b.nextElementSibling?.classList.contains("data-note") ? b.nextElementSibling : null;
    return { lang: b.getAttribute("lang"), text: b.textContent, note: note?.textContent ?? null, kind: note?.dataset.translation ?? null };
  });
}

/** Waits for the detail panel to show a text marked `lang`. */
async function notesIn(page, lang) {
  await page.waitForFunction((l) => document.querySelector(`[data-slot=detail] dd bdi[lang="${l}"]`) !== null, lang, { timeout: 30000 });
  return page.evaluate(readNotes);
}

test("on ?lang=ja an incident's notes read in Japanese, marked lang=ja with the machine-translation note", async () => {
  const { page, context, log } = await open(browser, server, `?lang=ja&incident=${ID}`);
  const notes = await notesIn(page, "ja");
  const own = texts("ja").incidents[ID];
  for (const field of ["vector_detail", "amount_note", "attribution_note"]) {
    const shown = notes.find((n) => n.text === own[field].text);
    assert.ok(shown, `${field} in Japanese: ${JSON.stringify(notes)}`);
    assert.equal(shown.lang, "ja", field);
    assert.equal(shown.kind, "machine", field);
    assert.equal(shown.note, words("ja")["data.machine_unreviewed"], field);
    assert.ok(!notes.some((n) => n.text === english[field]), `${field}: its English is not shown too`);
  }
  assert.ok(log.requests.some((u) => u.endsWith("/heist-ledger/data/texts/incidents.ja.json")), "the Japanese file is fetched");
  assert.ok(!log.requests.some((u) => u.includes("/data/texts/incidents.ko.json")), "no other language's file");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("where a language has no texts the notes show in English, marked lang=en and noted as English; texts are fetched only for a detail", async () => {
  const { page, context, log } = await open(browser, server, `?lang=fr&incident=${ID}`);
  await page.waitForFunction(() => document.documentElement.lang === "fr" && document.documentElement.dataset.state === "ready", null, { timeout: 30000 });
  const notes = await notesIn(page, "en");
  const shown = notes.find((n) => n.text === english.vector_detail);
  assert.ok(shown, JSON.stringify(notes));
  assert.equal(shown.kind, "none");
  assert.equal(shown.note, words("fr")["data.english_only"]);
  assert.deepEqual(log.errors, []);
  await context.close();

  // The English page asks for no texts file at all, nor a Japanese page until an incident
  // is opened.
  const en = await open(browser, server, `?incident=${ID}`);
  await en.page.locator("[data-slot=detail] dd").first().waitFor();
  assert.ok(!en.log.requests.some((u) => u.includes("/data/texts/")), "English fetches no texts");
  await en.context.close();
  const ja = await open(browser, server, "?lang=ja");
  await ja.page.waitForFunction(() => document.documentElement.lang === "ja" && document.documentElement.dataset.state === "ready", null, { timeout: 30000 });
  assert.ok(!ja.log.requests.some((u) => u.includes("/data/texts/")), "no texts before a detail is opened");
  await ja.page.locator("tr[data-incident] button[data-incident]").first().click();
  await notesIn(ja.page, "ja");
  assert.ok(ja.log.requests.some((u) => u.endsWith("/data/texts/incidents.ja.json")), "fetched on opening one");
  await ja.context.close();
});

test("a release's page reads the texts beside its own data", async () => {
  const current = dataset.release.id;
  const { page, context, log } = await open(browser, server, `v/${current}/?lang=ko&incident=${ID}`);
  const notes = await notesIn(page, "ko");
  assert.ok(notes.some((n) => n.text === texts("ko").incidents[ID].vector_detail.text), JSON.stringify(notes));
  assert.ok(log.requests.some((u) => u.endsWith(`/v/${current}/data/texts/incidents.ko.json`)), "the release's own copy");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a texts file the page cannot read leaves the notes in English with a notice saying why", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/data/texts/incidents.ja.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"locale": "ja", "incidents": ' }),
  );
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}?lang=ja&incident=${ID}`);
  const before = words("ja")["texts.not_loaded"].split("{why}")[0];
  await page.waitForFunction((t) => document.querySelector("[data-slot=notices]")?.textContent.includes(t), before, { timeout: 30000 });
  const notes = await notesIn(page, "en");
  const shown = notes.find((n) => n.text === english.vector_detail);
  assert.ok(shown, JSON.stringify(notes));
  assert.equal(shown.note, words("ja")["data.english_only"]);
  assert.ok(!notes.some((n) => n.lang === "ja"), "no Japanese note from a broken file");
  assert.deepEqual(errors, []);
  await context.close();
});
