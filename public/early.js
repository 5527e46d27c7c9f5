// Runs before the first paint (a classic script in <head>): an embed (?embed=) or a
// briefing deck (?present) must not flash the full page's first view, so the stylesheet
// hides it from the first frame and shows a loading line until the app takes over.
(function () {
  var query = new URLSearchParams(location.search);
  var root = document.documentElement;
  if (query.has("embed")) root.setAttribute("data-embed", "true");
  if (query.has("present")) root.setAttribute("data-present", "true");
  if (query.has("embed") && query.has("transparent")) root.setAttribute("data-transparent", "true");
})();
