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
