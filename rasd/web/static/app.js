// Rasd's dashboard: the API's merged events on a map, a timeline and a list; an event's evidence
// highlighted inside each Arabic article that reports it; the truces and the attacks that broke them.
"use strict";

const TYPES = ["ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "THREATEN", "REQUEST", "REJECT", "ACCUSE",
  "RETREAT", "AID", "COOPERATE", "CONCEDE", "SUPPORT", "CONSULT", "AGREE"];
const COLORS = { ASSAULT: "#c0392b", COERCE: "#8e44ad", MOBILIZE: "#d35400", PROTEST: "#2980b9", THREATEN: "#e67e22",
  ACCUSE: "#7f8c8d", REJECT: "#95a5a6", REQUEST: "#16a085", AGREE: "#27ae60", RETREAT: "#2c3e50" };
const LABELS = {
  en: { from: "From", to: "To", country: "Country", actor: "Actor", type: "Type", text: "Words", apply: "Apply",
    clear: "Clear", any: "any", date: "Date", place: "Place", parties: "Who → whom", killed: "Killed",
    injured: "Injured", close: "Close", truces: "Truces", events: "events", reports: "Reports", sources: "Sources",
    targets: "Targets", noTruces: "No truces stored.", violations: "violations", language: "العربية",
    unknown: "unknown", published: "published", title: "Rasd — conflict events from Arabic news" },
  ar: { from: "من", to: "إلى", country: "البلد", actor: "الطرف", type: "النوع", text: "كلمات", apply: "تطبيق",
    clear: "مسح", any: "الكل", date: "التاريخ", place: "المكان", parties: "من ← على من", killed: "القتلى",
    injured: "الجرحى", close: "إغلاق", truces: "الهدن", events: "حدثًا", reports: "التقارير", sources: "الفاعلون",
    targets: "المستهدفون", noTruces: "لا هدن مخزنة.", violations: "خروقات", language: "English",
    unknown: "غير معروف", published: "نُشر", title: "رصد — أحداث النزاع من الأخبار العربية" },
};
const TYPE_AR = { ASSAULT: "اعتداء", COERCE: "إكراه", MOBILIZE: "حشد", SANCTION: "عقوبات", PROTEST: "احتجاج",
  THREATEN: "تهديد", REQUEST: "مطالبة", REJECT: "رفض", ACCUSE: "اتهام", RETREAT: "انسحاب", AID: "مساعدة",
  COOPERATE: "تعاون", CONCEDE: "تنازل", SUPPORT: "دعم", CONSULT: "تشاور", AGREE: "اتفاق" };

let language = "en";
let map, markers;
let shown = [];

const $ = (selector) => document.querySelector(selector);
const t = (key) => LABELS[language][key] || key;
const typeName = (type) => (language === "ar" ? TYPE_AR[type] || type : type);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function api(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${(await response.json()).error || response.status}`);
  return response.json();
}

function range(count) {
  if (count.low === null) return "—";
  return count.low === count.high ? String(count.low) : `${count.low}–${count.high}`;
}

function when(event) {
  if (!event.start) return t("unknown");
  return event.start === event.end ? event.start : `${event.start} … ${event.end}`;
}

function applyLanguage() {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  $("#language").textContent = t("language");
  for (const option of $("#filters select[name=type]").options) {
    if (option.value) option.textContent = typeName(option.value);
  }
}

function initMap(countries) {
  map = L.map("map", { zoomSnap: 0.25, attributionControl: false }).fitBounds([[12, 25], [42, 63]]);
  L.geoJSON(countries, { style: { color: "#8796a8", weight: 0.8, fillColor: "#f3f1ea", fillOpacity: 1 } }).addTo(map);
  markers = L.layerGroup().addTo(map);
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const box = element("div", { class: "legend" });
    for (const type of Object.keys(COLORS)) {
      box.append(element("div", {}, element("span", { class: "dot", style: `background:${COLORS[type]}` }), type));
    }
    return box;
  };
  legend.addTo(map);
}

function query() {
  const form = new FormData($("#filters"));
  const params = new URLSearchParams({ limit: "1000" });
  for (const [name, value] of form.entries()) if (String(value).trim()) params.set(name, String(value).trim());
  return params;
}

async function loadEvents() {
  const page = await api(`api/events?${query()}`);
  shown = page.items;
  $("#summary").textContent = `${page.total} ${t("events")}`;
  drawMarkers();
  drawTimeline();
  drawList();
}

function drawMarkers() {
  markers.clearLayers();
  for (const event of shown) {
    const { lat, lon } = event.location;
    if (lat === null || lon === null) continue;
    const color = COLORS[event.type] || "#34495e";
    L.circleMarker([lat, lon], { radius: 6, color: "#fff", weight: 1, fillColor: color, fillOpacity: 0.9 })
      .bindTooltip(`${typeName(event.type)} — ${event.location.name || ""} (${when(event)})`)
      .on("click", () => openEvent(event.id))
      .addTo(markers);
  }
}

function drawTimeline() {
  const svg = $("#timeline");
  svg.replaceChildren();
  const days = new Map();
  for (const event of shown) if (event.start) days.set(event.start, (days.get(event.start) || 0) + 1);
  const sorted = [...days.keys()].sort();
  if (!sorted.length) return;
  const first = Date.parse(sorted[0]);
  const span = Math.max(1, (Date.parse(sorted[sorted.length - 1]) - first) / 86400000 + 1);
  const width = svg.clientWidth || 600, height = svg.clientHeight || 80;
  const most = Math.max(...days.values());
  const bar = Math.max(2, width / span - 1);
  for (const [day, count] of days) {
    const x = ((Date.parse(day) - first) / 86400000) * (width / span);
    const h = Math.max(3, (count / most) * (height - 10));
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("x", String(x));
    rect.setAttribute("y", String(height - h));
    rect.setAttribute("width", String(bar));
    rect.setAttribute("height", String(h));
    rect.dataset.day = day;
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${day}: ${count}`;
    rect.append(title);
    rect.addEventListener("click", () => {
      $("#filters [name=from]").value = day;
      $("#filters [name=to]").value = day;
      loadEvents();
    });
    svg.append(rect);
  }
}

function drawList() {
  const body = $("#events tbody");
  body.replaceChildren();
  for (const event of shown) {
    const parties = `${event.sources.join("، ") || "—"} → ${event.targets.join("، ") || "—"}`;
    const row = element("tr", { "data-id": event.id, "data-type": event.type },
      element("td", {}, when(event)),
      element("td", {}, element("span", { class: "dot", style: `background:${COLORS[event.type] || "#34495e"}` }),
        typeName(event.type)),
      element("td", { dir: "auto" }, [event.location.name, event.location.country].filter(Boolean).join(", ") || "—"),
      element("td", { dir: "auto" }, parties),
      element("td", {}, range(event.fatalities)));
    row.addEventListener("click", () => openEvent(event.id));
    body.append(row);
  }
}

// The article's text with the event's sentences marked, and its own words (the trigger) marked inside them.
function highlighted(extraction, eventId) {
  const text = extraction.article.text;
  const event = extraction.events.find((e) => e.id === eventId);
  const spans = [];
  if (event) {
    for (const index of event.sentences) {
      const sentence = extraction.sentences[index];
      if (sentence) spans.push({ start: sentence.start, end: sentence.end, kind: "sentence" });
    }
    for (const mention of event.mentions) spans.push({ start: mention.start, end: mention.end, kind: "trigger" });
  }
  const cuts = new Set([0, text.length]);
  for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = element("div", { class: "article", dir: "rtl", lang: "ar" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const inside = spans.filter((s) => s.start <= a && b <= s.end);
    if (!inside.length) { box.append(piece); continue; }
    const trigger = inside.some((s) => s.kind === "trigger");
    box.append(element("mark", { class: trigger ? "trigger" : "sentence" }, piece));
  }
  return box;
}

async function openEvent(id) {
  const event = await api(`api/events/${id.split("/").map(encodeURIComponent).join("/")}`);
  for (const row of document.querySelectorAll("#events tbody tr")) row.classList.toggle("chosen", row.dataset.id === id);
  $("#event").hidden = false;
  $("#event-title").textContent = `${typeName(event.type)} — ${event.location.name || t("unknown")} (${when(event)})`;
  const facts = $("#event-facts");
  facts.replaceChildren();
  const add = (label, value) => facts.append(element("dt", {}, label), element("dd", { dir: "auto" }, value));
  add(t("sources"), event.sources.join("، ") || "—");
  add(t("targets"), event.targets.join("، ") || "—");
  add(t("killed"), range(event.fatalities));
  add(t("injured"), range(event.injuries));
  add("ACLED", [event.acled_event_type, event.acled_sub_event_type].filter(Boolean).join(" / ") || "—");
  const evidence = $("#evidence");
  evidence.replaceChildren(element("h3", {}, `${t("reports")} (${event.reports.length})`));
  for (const report of event.reports) {
    const extraction = await api(`api/articles/${encodeURIComponent(report.article)}`);
    const eventId = report.key.slice(report.article.length + 1);
    const article = extraction.article;
    const heading = [report.publisher || article.publisher, article.title, article.published && `${t("published")} ${article.published}`]
      .filter(Boolean).join(" · ");
    evidence.append(element("div", { class: "report", "data-report": report.key },
      element("h3", { dir: "auto" }, heading || report.article), highlighted(extraction, eventId)));
  }
  const first = evidence.querySelector("mark");
  if (first) first.scrollIntoView({ block: "nearest" });
  $("#event").scrollIntoView({ block: "start" });
}

async function loadTruces() {
  const truces = await api("api/truces");
  const list = $("#truces ul");
  list.replaceChildren();
  if (!truces.length) list.append(element("li", {}, t("noTruces")));
  for (const truce of truces) {
    const sides = truce.sides.map((side) => side.join("، ")).join(" ⟷ ");
    const item = element("li", { "data-truce": truce.key },
      element("strong", { dir: "auto" }, sides), ` — ${truce.kind}, `,
      element("span", { class: `status-${truce.status}` }, truce.status),
      `, ${truce.start || "?"} … ${truce.end || ""} (${truce.violations.length} ${t("violations")})`);
    if (truce.violations.length) {
      const broken = element("ul");
      for (const violation of truce.violations) {
        const link = element("a", { href: "#", dir: "auto" },
          `${violation.start || ""} ${violation.place || ""}: ${violation.sources.join("، ")} → ${violation.targets.join("، ")}`);
        link.addEventListener("click", (e) => { e.preventDefault(); openEvent(violation.event); });
        broken.append(element("li", {}, link));
      }
      item.append(broken);
    }
    list.append(item);
  }
}

async function start() {
  const select = $("#filters select[name=type]");
  for (const type of TYPES) select.append(element("option", { value: type }, type));
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(); });
  $("#filters").addEventListener("reset", () => setTimeout(loadEvents, 0));
  $("#close").addEventListener("click", () => { $("#event").hidden = true; });
  $("#language").addEventListener("click", () => {
    language = language === "en" ? "ar" : "en";
    applyLanguage();
    drawList();
    drawMarkers();
    loadTruces();
  });
  const outlines = await (await fetch("static/vendor/countries-50m.json")).json();
  initMap(topojson.feature(outlines, outlines.objects.countries));
  applyLanguage();
  await Promise.all([loadEvents(), loadTruces()]);
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  document.body.dataset.error = String(error);
  $("#summary").textContent = String(error);
});
