// A static file server that serves dist/ under /heist-ledger/, as GitHub Pages serves the
// project site, with GitHub Pages' 404 behaviour (404.html) for unknown paths. Loopback only.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fault, stream, OVERSIZED_BYTES } from "./faults.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Starts the server; resolves to { url, close, requests, faults } once it listens
 * (`faults.boot` breaks the app's own files on purpose: see faults.mjs). `fixtures`, when
 * given, is served under `${prefix}__fixtures__/` for tests that load bad datasets. `gzip`
 * compresses responses for clients that accept it, as GitHub Pages does. `mounts` maps
 * other path prefixes to folders (the bench's peer page). `overrides` maps exact paths to
 * files served in their place (a test's own versions.json); it is read on every request,
 * so a test may change it between page loads. */
export function serve({ root, prefix = "/heist-ledger/", port = 0, fixtures = null, gzip = false, mounts = {}, overrides = {} }) {
  const requests = [];
  const faultState = {};
  const send = (req, res, status, type, body) => {
    const compress = gzip && /\bgzip\b/.test(req.headers["accept-encoding"] || "") && !type.startsWith("image/png");
    const headers = { "content-type": type };
    if (compress) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(status, headers).end(body);
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname + url.search);
    if (overrides[url.pathname]) {
      const file = overrides[url.pathname];
      send(req, res, 200, TYPES[extname(file)] || "application/octet-stream", await readFile(file));
      return;
    }
    const mount = Object.keys(mounts).find((m) => url.pathname.startsWith(m));
    if (mount) {
      const base = resolve(mounts[mount]);
      const file = normalize(join(base, decodeURIComponent(url.pathname.slice(mount.length)) || "index.html"));
      try {
        if (!file.startsWith(base)) throw new Error("outside");
        send(req, res, 200, TYPES[extname(file)] || "application/octet-stream", await readFile(file));
      } catch {
        res.writeHead(404).end("not found");
      }
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not under " + prefix);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    // Faults for the tests: a body over the size limit sent in chunks with no length, and
    // an HTML page where JSON was expected. Bounded: the server stops writing when the
    // client goes away, and never writes more than OVERSIZED_BYTES (over the 256 MB limit).
    if (rel === "__faults__/chunked-huge.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      stream(res, OVERSIZED_BYTES);
      return;
    }
    // The other faults (tests/e2e/faults.mjs), the good dataset beside them for the ones that
    // deliver it slowly or on a retry.
    if (await fault(rel, req, res, { dataset: join(resolve(root), "data", "incidents.json"), root: resolve(root), state: faultState })) return;
    if (rel === "__faults__/html.json") {
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Sign in</title><p>Please sign in.</p>");
      return;
    }
    let base = resolve(root);
    if (fixtures && rel.startsWith("__fixtures__/")) {
      base = resolve(fixtures);
      rel = rel.slice("__fixtures__/".length);
    }
    const file = normalize(join(base, rel));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, "index.html") : file;
      send(req, res, 200, TYPES[extname(path)] || "application/octet-stream", await readFile(path));
    } catch {
      try {
        send(req, res, 404, TYPES[".html"], await readFile(join(resolve(root), "404.html")));
      } catch {
        res.writeHead(404).end("not found");
      }
    }
  });
  return new Promise((ok) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      ok({ url: `http://127.0.0.1:${actual}${prefix}`, origin: `http://127.0.0.1:${actual}`, requests, faults: faultState, close: () => server.close() });
    });
  });
}
