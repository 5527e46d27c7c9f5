// The ECharts peer: loads the dataset named by ?data= (default: the shipped one), draws the
// three charts, and marks <html data-state="ready"> when ECharts has finished rendering all
// three, so the bench times both pages the same way. Category checkboxes filter like ours.
const CATEGORIES = ["centralized_exchange", "bridge", "defi_protocol", "wallet", "payment_processor", "gaming_gambling", "other"];
const params = new URLSearchParams(location.search);
const url = params.get("data") || "../../heist-ledger/data/incidents.json";
const charts = Object.fromEntries(["yearly", "timeline", "flows"].map((id) => [id, echarts.init(document.getElementById(id), null, { renderer: "svg" })]));
const money = (v) => (v >= 1e9 ? `$${(v / 1e9).toFixed(2)}B` : `$${(v / 1e6).toFixed(1)}M`);
let data;
const kept = new Set(CATEGORIES);

function draw() {
  document.documentElement.dataset.state = "loading";
  const incidents = data.incidents.filter((i) => kept.has(i.category));
  const years = [...new Set(data.incidents.map((i) => Number(i.date.slice(0, 4))))].sort();
  const yearly = CATEGORIES.map((c) => ({
    name: c, type: "bar", stack: "total",
    data: years.map((y) => incidents.filter((i) => i.category === c && Number(i.date.slice(0, 4)) === y).reduce((s, i) => s + i.usd, 0)),
  }));
  const publishers = [...new Set(data.reported_totals.filter((t) => t.year).map((t) => t.publisher))];
  for (const p of publishers) {
    yearly.push({
      name: p, type: "scatter",
      data: years.map((y) => data.reported_totals.filter((t) => t.publisher === p && t.year === y).map((t) => t.usd).pop() ?? null),
    });
  }
  const total = incidents.reduce((s, i) => s + i.usd, 0);
  document.getElementById("headline").textContent = `Stolen: ${money(total)} in ${incidents.length} incidents`;
  let pending = 3;
  const done = () => { if (--pending === 0) document.documentElement.dataset.state = "ready"; };
  for (const c of Object.values(charts)) c.off("finished"), c.on("finished", function once() { c.off("finished", once); done(); });
  charts.yearly.setOption({
    animation: false, tooltip: {}, legend: { type: "scroll" },
    xAxis: { type: "category", data: years }, yAxis: { type: "value", axisLabel: { formatter: money } }, series: yearly,
  }, true);
  charts.timeline.setOption({
    animation: false, tooltip: { formatter: (p) => p.data.name }, legend: {},
    xAxis: { type: "time" }, yAxis: { type: "log", axisLabel: { formatter: money } },
    series: CATEGORIES.map((c) => ({
      name: c, type: "scatter", symbolSize: (v) => Math.max(5, Math.sqrt(v[1] / 1e6) * 2),
      data: incidents.filter((i) => i.category === c).map((i) => ({ name: `${i.victim} ${money(i.usd)}`, value: [i.date, Math.max(i.usd, 1)] })),
    })).concat([{ name: "enforcement", type: "scatter", symbol: "triangle", data: (data.enforcement || []).map((e) => ({ name: e.title, value: [e.date, 1e5] })) }]),
  }, true);
  const ids = new Set(incidents.map((i) => i.id));
  const nodes = new Map();
  const links = new Map();
  for (const f of (data.flows || []).filter((f) => ids.has(f.incident))) {
    for (const n of f.nodes) nodes.set(n.id, { name: n.id, depth: n.stage });
    for (const e of f.edges) {
      const k = `${e.from}\u0000${e.to}`;
      links.set(k, { source: e.from, target: e.to, value: (links.get(k)?.value || 0) + e.usd });
    }
  }
  charts.flows.setOption({
    animation: false, tooltip: {},
    series: [{ type: "sankey", data: [...nodes.values()], links: [...links.values()], emphasis: { focus: "adjacency" }, label: { formatter: "{b}" } }],
  }, true);
}

for (const c of CATEGORIES) {
  const label = document.createElement("label");
  label.innerHTML = `<input type="checkbox" name="category" value="${c}"> ${c}`;
  label.querySelector("input").addEventListener("change", (ev) => {
    // Like ours: a ticked box keeps only the ticked categories; none ticked keeps all.
    const ticked = [...document.querySelectorAll("input[name=category]:checked")].map((i) => i.value);
    kept.clear();
    for (const k of ticked.length ? ticked : CATEGORIES) kept.add(k);
    draw();
  });
  document.getElementById("filters").append(label);
}
addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
fetch(url).then((r) => r.json()).then((d) => { data = d; draw(); }).catch((e) => {
  document.documentElement.dataset.state = "error";
  document.getElementById("headline").textContent = String(e);
});
