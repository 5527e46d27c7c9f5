// A chart's static one-chart page (embed/CHART/index.html, written by the build): the
// address the embed code gives, so a frame shows the chart with JavaScript off. With
// JavaScript on, this hands over at once to the live embed of the same view: the release's
// page, the folder this script is served from (two folders up from embed/CHART/, three
// from a language's embed/CHART/LANG/), keeping the query and saying which chart when it
// does not.
(function () {
  var script = document.currentScript;
  var chart = script && script.getAttribute("data-chart");
  var query = new URLSearchParams(location.search);
  if (chart && !query.has("embed")) query.set("embed", chart);
  var search = query.toString();
  var page = new URL("./", script ? script.src : new URL("../../", location.href).href);
  location.replace(new URL((search ? "?" + search : "") + location.hash, page).href);
})();
