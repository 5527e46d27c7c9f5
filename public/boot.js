// Starts the dashboard. A file rather than Trunk's inline loader, so the page's
// Content-Security-Policy can forbid inline scripts. Every way the start can fail is said
// in plain words with a "Try again" (early.js's heistLedgerBootFailed), and the first view
// stays readable but marked as not live: the script (heist-ledger.js) or the program
// (heist-ledger_bg.wasm) missing, served as a web page, empty, stalled on the way, damaged,
// or refused by the browser. Never a page that waits silently.
const SCRIPT = "heist-ledger.js";
const PROGRAM = "heist-ledger_bg.wasm";
/** The script is small: if it has not arrived by then, it is not coming. */
const SCRIPT_MS = 20000;
/** The program may arrive slowly, but not stop: this long without a byte is a stall (as for the data). */
const STALL_MS = 10000;

document.documentElement.setAttribute("data-boot", "starting");

/** A failure already put in plain words. */
class BootError extends Error {}

const at = (name) => new URL(name, document.baseURI).href;
const fail = (summary, detail) =>
  (window.heistLedgerBootFailed || ((s) => console.error(s)))(summary, detail);
const later = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const TIMED_OUT = Symbol("timed out");

/** Why the script at `url` did not load as a module, read from the server's answer. */
async function whyScript(url) {
  const name = `its script (${SCRIPT})`;
  try {
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(5000) });
    if (!response.ok) return `${name} is missing on the server (it answered ${response.status} ${response.statusText}).`;
    const type = response.headers.get("content-type") || "no type";
    const body = await response.text();
    if (!body.trim()) return `${name} is empty on the server.`;
    if (/html/i.test(type) || body.trimStart().startsWith("<")) {
      return `${name} came back as a web page (${type}) instead of a script: the server may be sending an error or sign-in page.`;
    }
    if (!/javascript|ecmascript/i.test(type)) return `${name} was served as ${type}, which browsers will not run as a script.`;
  } catch {
    // The server could not even be asked: say what the browser said.
  }
  return `${name} could not be run by this browser.`;
}

/** The program's response, checked as it streams: a stall, a web page or an empty body
 * becomes a BootError the moment it shows, instead of a page that waits or a compiler
 * message. */
async function program(url, problem) {
  const response = await fetch(url);
  const name = `its program (${PROGRAM})`;
  if (!response.ok) {
    throw new BootError(`${name} is missing on the server (it answered ${response.status} ${response.statusText}).`);
  }
  const type = response.headers.get("content-type") || "";
  if (/html/i.test(type)) {
    throw new BootError(`${name} came back as a web page (${type}) instead of WebAssembly: the server may be sending an error or sign-in page.`);
  }
  const reader = response.body.getReader();
  let received = 0;
  const stream = new ReadableStream({
    async pull(controller) {
      const chunk = await Promise.race([reader.read(), later(STALL_MS, TIMED_OUT)]);
      const stop = (why) => {
        problem.error = new BootError(why);
        reader.cancel().catch(() => {});
        controller.error(problem.error);
      };
      if (chunk === TIMED_OUT) {
        return stop(`${name} stopped arriving: nothing came for ${STALL_MS / 1000} seconds after ${(received / 1048576).toFixed(1)} MB.`);
      }
      if (chunk.done) {
        if (received === 0) return stop(`${name} is empty on the server.`);
        return controller.close();
      }
      const bytes = chunk.value;
      // Every WebAssembly module starts with "\0asm".
      if (received === 0 && bytes.length >= 4 && !(bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d)) {
        return stop(`${name} is not a WebAssembly program (the server sent something else under its name).`);
      }
      received += bytes.length;
      controller.enqueue(bytes);
    },
    cancel() {
      reader.cancel().catch(() => {});
    },
  });
  // Streamed on to the compiler as it arrives, as the glue's own fetch would be.
  return new Response(stream, { headers: { "content-type": "application/wasm" } });
}

/** The browser's words for a failure to start the program, put plainly. */
function plain(error) {
  const name = `its program (${PROGRAM})`;
  if (error instanceof WebAssembly.CompileError) return `${name} is damaged or incomplete: it is not a program this browser can read.`;
  if (error instanceof WebAssembly.LinkError) return `${name} does not match its script: the two files come from different builds.`;
  if (error instanceof WebAssembly.RuntimeError) return `${name} stopped while starting.`;
  if (typeof WebAssembly !== "object") return "this browser does not run WebAssembly (or it is switched off).";
  return `${name} could not be started in this browser.`;
}

/** The bundled dataset downloads beside the program (the app takes this response when it
 * asks for the same address): its checked copy, which the build writes beside the JSON and
 * the app reads; another dataset (?data=) is asked for by the app. */
function earlyData() {
  if (new URLSearchParams(location.search).has("data")) return;
  window.__heistLedgerData = fetch("data/incidents.checked.json");
  window.__heistLedgerData.catch(() => {});
}

async function start() {
  earlyData();
  const script = at(SCRIPT);
  let glue;
  try {
    glue = await Promise.race([import(script), later(SCRIPT_MS, TIMED_OUT)]);
  } catch (error) {
    return fail(`The dashboard could not start: ${await whyScript(script)}`, String(error && error.message || error));
  }
  if (glue === TIMED_OUT) {
    return fail(
      `The dashboard could not start: its script (${SCRIPT}) has not arrived after ${SCRIPT_MS / 1000} seconds.`,
      "the server or the network may have stalled.",
    );
  }
  if (typeof glue.default !== "function") {
    return fail(`The dashboard could not start: ${await whyScript(script)}`, `${SCRIPT} has no start function.`);
  }
  const problem = {};
  try {
    await glue.default({ module_or_path: program(at(PROGRAM), problem) });
    document.documentElement.setAttribute("data-boot", "started");
  } catch (error) {
    const known = problem.error || (error instanceof BootError ? error : null);
    const why = known ? known.message : plain(error);
    fail(`The dashboard could not start: ${why}`, known ? "" : String(error && error.message || error));
  }
}

// The first view is already in the page: let the browser paint it before the app starts
// (a frame, then a task), so starting the app never holds up the first paint. A frame that
// is not painted gets no animation frames (a cross-origin embed below the fold, a background
// tab), so after 100 ms it starts anyway: an embed nobody has scrolled to yet draws its chart
// at load, not as the reader reaches it (a blank box that then jumps).
let started = false;
const go = () => {
  if (started) return;
  started = true;
  setTimeout(start, 0);
};
requestAnimationFrame(go);
setTimeout(go, 100);
