// Starts the dashboard. A file rather than Trunk's inline loader, so the page's
// Content-Security-Policy can forbid inline scripts. If the module cannot start (old
// browser, blocked WebAssembly), say so in the alert panel instead of leaving a blank page.
import init from "./heist-ledger.js";

// The first view is already in the page: let the browser paint it before the app starts
// (a frame, then a task), so starting the app never holds up the first paint.
const start = () => {
  // The bundled dataset downloads beside the WebAssembly (the app takes this response when
  // it asks for the same address); another dataset (?data=) is asked for by the app.
  if (!new URLSearchParams(location.search).has("data")) {
    window.__heistLedgerData = fetch("data/incidents.json");
    window.__heistLedgerData.catch(() => {});
  }
  return boot();
};
const boot = () => init().catch((error) => {
  const panel = document.getElementById("fatal");
  if (panel) {
    panel.hidden = false;
    panel.textContent =
      "The dashboard could not start in this browser: " + (error && error.message ? error.message : String(error));
  }
  document.documentElement.dataset.state = "error";
});
requestAnimationFrame(() => setTimeout(start, 0));
