// Faulty responses for tests/e2e/faults.test.mjs, served by server.mjs under
// `__faults__/`: server errors, bodies cut short, stalled or trickled, and a gzip bomb (the
// oversized chunked body is server.mjs's chunked-huge.json, written with `stream`). Every
// one is bounded: the server stops writing when the client goes away, never writes or holds
// more than a few hundred MB, and holds no connection open for ever.
import { createGzip } from "node:zlib";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const MB = 1024 * 1024;
/** Over the dashboard's 256 MB limit (src/load.rs MAX_DATASET_BYTES), so the client must stop it. */
export const OVERSIZED_BYTES = 320 * MB;
/** A stalled body is dropped after this, so a test run never leaves a connection open. */
const STALL_CAP_MS = 60_000;

/** Writes `total` bytes of `chunk` (no length: chunked), stopping when the client goes away. */
export function stream(res, total, chunk = Buffer.alloc(64 * 1024, 32)) {
  let sent = 0;
  const more = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return res.once("drain", more);
    }
    res.end();
  };
  more();
}

let bomb = null;
/** A gzip of OVERSIZED_BYTES of JSON-ish text, made once by streaming zlib (about 300 KB). */
function gzipBomb() {
  bomb ??= new Promise((ok, fail) => {
    const gz = createGzip({ level: 9 });
    const parts = [];
    gz.on("data", (d) => parts.push(d));
    gz.on("end", () => ok(Buffer.concat(parts)));
    gz.on("error", fail);
    const block = Buffer.alloc(MB, 32);
    gz.write('{"schema_version": 2, "notes": "');
    let written = 0;
    const more = () => {
      while (written < OVERSIZED_BYTES) {
        written += block.length;
        if (!gz.write(block)) return gz.once("drain", more);
      }
      gz.end();
    };
    more();
  });
  return bomb;
}

/** Serves the app's own file `rel` (the script or the program) broken as `kind` says:
 * `404` (GitHub Pages' 404 page), `html` (a web page with status 200), `empty`, `stall`
 * (half of it, then nothing, the connection held open) or `truncated` (its first 4 KB, so
 * the program is damaged). `file` is the real file in dist/. */
async function broken(kind, file, res) {
  const type = file.endsWith(".wasm") ? "application/wasm" : "text/javascript; charset=utf-8";
  const body = await readFile(file);
  switch (kind) {
    case "404":
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>404</title><p>File not found</p>");
      return;
    case "html":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>Sign in</title><p>Please sign in.</p>");
      return;
    case "empty":
      res.writeHead(200, { "content-type": type, "content-length": "0" }).end();
      return;
    case "truncated":
      res.writeHead(200, { "content-type": type }).end(body.subarray(0, 4096));
      return;
    case "stall": {
      res.writeHead(200, { "content-type": type, "content-length": String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      const cap = setTimeout(() => res.destroy(), STALL_CAP_MS);
      cap.unref();
      res.on("close", () => clearTimeout(cap));
      return;
    }
    default:
      throw new Error(`unknown boot fault ${kind}`);
  }
}

/** Handles `rel` (a path under the site) when it names a fault; returns whether it did.
 * `dataset` is the path of the good dataset file, `root` the site's folder, `state`
 * survives between requests. `state.boot` maps the app's own files (`heist-ledger.js`,
 * `heist-ledger_bg.wasm`) to the way a test wants them broken (see `broken`). */
export async function fault(rel, req, res, { dataset, root, state }) {
  const boot = state.boot?.[rel];
  if (boot) {
    await broken(boot, join(root, rel), res);
    return true;
  }
  switch (rel) {
    case "__faults__/500.json":
      res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
      return true;
    case "__faults__/recovers.json": {
      // A server error the first time, the good dataset on the retry.
      state.recovers = (state.recovers || 0) + 1;
      if (state.recovers === 1) {
        res.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end(await readFile(dataset));
      }
      return true;
    }
    case "__faults__/truncated.json": {
      // Announces 2 MB, sends the first 256 KB of the good dataset's shape, then hangs up.
      const body = (await readFile(dataset)).subarray(0, 256 * 1024);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(2 * MB) });
      res.write(body, () => setTimeout(() => res.destroy(), 100));
      return true;
    }
    case "__faults__/stall.json": {
      // Some bytes, then nothing, and the connection stays open.
      res.writeHead(200, { "content-type": "application/json" });
      res.write((await readFile(dataset)).subarray(0, 128 * 1024));
      const cap = setTimeout(() => res.destroy(), STALL_CAP_MS);
      cap.unref();
      res.on("close", () => clearTimeout(cap));
      return true;
    }
    case "__faults__/trickle.json": {
      // The good dataset in 44 pieces, one every half second: 22 s in all, longer than
      // any whole-download timeout, but never silent for long.
      const body = await readFile(dataset);
      const pieces = 44;
      const size = Math.ceil(body.length / pieces);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
      let k = 0;
      const next = () => {
        if (res.destroyed) return;
        res.write(body.subarray(k * size, (k + 1) * size));
        k += 1;
        if (k < pieces) setTimeout(next, 500).unref();
        else res.end();
      };
      next();
      return true;
    }
    case "__faults__/gzip-bomb.json": {
      const body = await gzipBomb();
      res.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": String(body.length),
      });
      res.end(body);
      return true;
    }
    default:
      return false;
  }
}
