// Runs before the first paint (a classic script in <head>): an embed (?embed=) or a
// briefing deck (?present) must not flash the full page's first view, so the stylesheet
// hides it from the first frame and shows a loading line until the app takes over.
//
// It also makes sure the page never waits silently for a dashboard that cannot start:
// `heistLedgerBootFailed` (used by boot.js too) says what went wrong in plain words with a
// "Try again", and marks the first view as readable but not live; and if boot.js itself
// fails to load, or has not started 30 seconds after the page, it says so.
(function () {
  var query = new URLSearchParams(location.search);
  var root = document.documentElement;
  if (query.has("embed")) root.setAttribute("data-embed", "true");
  if (query.has("present")) root.setAttribute("data-present", "true");
  if (query.has("embed") && query.has("transparent")) root.setAttribute("data-transparent", "true");

  if (query.has("embed")) postFirstHeight(query);

  var failed = false;
  // What the reader still has, and what does not work, while the dashboard is not running.
  var NOT_LIVE =
    "The page below is the published view, readable and complete with its sources, but it is not live: " +
    "filters, sorting, details, downloads and loading another dataset need the dashboard to start.";

  function show(summary, detail) {
    var panel = document.getElementById("fatal");
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "fatal";
      panel.className = "alert";
      panel.setAttribute("role", "alert");
      document.body.prepend(panel);
    }
    // A panic's own message (written by the app's hook) is kept; the retry is added below it.
    var kept = panel.hidden ? "" : panel.textContent;
    panel.replaceChildren();
    var heading = document.createElement("h2");
    heading.textContent = kept || summary;
    panel.append(heading);
    var what = document.createElement("p");
    what.textContent = NOT_LIVE;
    panel.append(what);
    if (detail) {
      var more = document.createElement("p");
      more.className = "for-maintainers";
      more.textContent = "For the site's maintainers: " + detail;
      panel.append(more);
    }
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "retry";
    retry.textContent = "Try again";
    retry.addEventListener("click", function () {
      location.reload();
    });
    panel.append(retry);
    panel.hidden = false;
    root.setAttribute("data-live", "false");
    root.setAttribute("data-state", "error");
    // The first view's controls would look live and do nothing: switch them off.
    var controls = document.querySelectorAll(
      "#static input, #static select, #static button, header.page-header button",
    );
    for (var k = 0; k < controls.length; k++) controls[k].disabled = true;
  }

  /** Says why the dashboard did not start (once), when the page's body is there. */
  window.heistLedgerBootFailed = function (summary, detail) {
    if (failed) return;
    failed = true;
    if (document.body) show(summary, detail);
    else document.addEventListener("DOMContentLoaded", function () { show(summary, detail); });
  };

  // boot.js missing, served as a web page, or blocked: its <script> fires "error".
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "SCRIPT" && /boot\.js$/.test(target.src || "")) {
        window.heistLedgerBootFailed(
          "The dashboard could not start: its start-up script (boot.js) could not be loaded.",
          "the browser could not load " + target.src + " as a script (missing, or not served as JavaScript).",
        );
      }
    },
    true,
  );

  // An embed tells its host page its height at once, from the first view, before the
  // WebAssembly arrives (and whether or not the frame is on screen: a frame below the fold
  // may get no layout callbacks until it is scrolled to), and again when its width changes
  // until the app takes over with the same messages. The height is exports::embed_height of
  // the frame's width (src/exports.rs): a function of the width alone, never of the data.
  function postFirstHeight(query) {
    var last = function (key) {
      var all = query.getAll(key);
      return all.length ? all[all.length - 1] : null;
    };
    var on = function (key) {
      var v = last(key);
      return v !== null && ["", "1", "true", "yes"].indexOf(v) >= 0;
    };
    var chart = last("embed");
    if (["", "1", "true", "yes"].indexOf(chart) >= 0) chart = "yearly";
    // Kept equal to ChartKind::size_for and embed_chrome (tests/exports.rs reads these lines).
    var SIZE = { yearly: [0.46, 300, 520, 600, 0.5], timeline: [0.5, 340, 560, 680, 0.6], flows: [0.66, 360, 720, 1280, 0.6], figures: [0.42, 320, 480, 0, 0] };
    var CHROME = [[399, 380, 250], [599, 340, 220], [799, 270, 175], [Infinity, 220, 145]];
    if (!SIZE[chart] || window.parent === window) return;
    var plain = on("plain");
    var pym = last("childId");
    var posted = 0;
    function height(width) {
      var s = SIZE[chart];
      var h = Math.max(Math.min(Math.max(width * s[0], s[1]), s[2]), s[3] - s[4] * width);
      for (var k = 0; k < CHROME.length; k++) {
        if (width <= CHROME[k][0]) return Math.round(h) + CHROME[k][plain ? 2 : 1];
      }
      return Math.round(h);
    }
    function post() {
      var width = root.clientWidth;
      if (width <= 0 || root.getAttribute("data-state") === "ready") return;
      var h = height(width);
      if (h === posted) return;
      posted = h;
      root.style.setProperty("--embed-height", h + "px");
      window.parent.postMessage({ type: "heist-ledger:height", height: h }, "*");
      window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
      if (pym) window.parent.postMessage(["pym", pym, "height", String(h)].join("xPYMx"), "*");
    }
    post();
    window.addEventListener("resize", post);
  }

  // boot.js stalled on the way: it marks the page the moment it runs.
  setTimeout(function () {
    if (!root.hasAttribute("data-boot") && !failed) {
      window.heistLedgerBootFailed(
        "The dashboard could not start: its start-up script has not arrived after 30 seconds.",
        "boot.js did not finish downloading; the server or the network may have stalled.",
      );
    }
  }, 30000);
})();
