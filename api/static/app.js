/* Gyoryu web page: search and partner finder (the SPARQL editor is editor.js). Plain DOM.
   Every value from the server is inserted as text (textContent), never as HTML. */
"use strict";

const ID_NS = "https://w3id.org/gyoryu/id/";
const T = JSON.parse(document.getElementById("ui-strings").textContent);
const LANG = document.documentElement.lang === "en" ? "en" : "ko";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function localLink(iri) {
  return iri && iri.startsWith(ID_NS) ? "/id/" + iri.slice(ID_NS.length) : iri;
}

function sourceLink(hit) {
  const span = hit.line_end && hit.line_end !== hit.line_start ? `${hit.line_start}-${hit.line_end}` : `${hit.line_start}`;
  return el("a", {class: "source", href: `/doc/${encodeURIComponent(hit.doc)}?lines=${span}#L${hit.line_start}`},
            `${hit.doc}:${span}`);
}

function setStatus(id, text, isError) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.classList.toggle("error", Boolean(isError));
}

async function getJSON(url) {
  const resp = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) throw new Error((body.error && body.error.message) || resp.statusText);
  return body;
}

function entityChips(entities) {
  const box = el("div", {class: "entities"});
  for (const e of entities || []) {
    box.append(el("a", {class: "chip entity", href: localLink(e.iri), title: e.type || ""}, e.label || e.iri));
  }
  return box;
}

/* The text with the matched terms in <mark>: text nodes only, so document text is never parsed as HTML. */
function highlighted(tag, cls, text, terms) {
  const node = el(tag, {class: cls});
  const words = (terms || []).filter((t) => t && t.length > 1)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!words.length) { node.append(document.createTextNode(text)); return node; }
  const pattern = new RegExp(`(${words.join("|")})`, "gi");
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) node.append(document.createTextNode(text.slice(last, m.index)));
    node.append(el("mark", {}, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) node.append(document.createTextNode(text.slice(last)));
  return node;
}

function linkedChips(linked) {
  const box = el("div", {class: "entities linked"});
  for (const e of linked || []) {
    const label = (LANG === "en" ? e.label_en : e.label_ko) || e.label_ko || e.surface;
    const href = e.iri && e.iri.startsWith(ID_NS) ? localLink(e.iri) : null;
    box.append(el(href ? "a" : "span", {class: "chip linked-entity", href, title: `${e.type} · ${e.surface}`}, label));
  }
  return box;
}

function methodChip(fact) {
  // how a fact was read: by a curated reader, or automatically (with its confidence)
  if (!fact.method) return null;
  const confidence = fact.confidence === null || fact.confidence === undefined ? "" : ` · ${T.confidence} ${fact.confidence}`;
  return el("span", {class: `chip method method-${fact.method}`}, `${T["method_" + fact.method] || fact.method}${confidence}`);
}

function hitItem(hit) {
  const summary = LANG === "en" ? (hit.summary_en || hit.summary) : hit.summary;
  return el("li", {class: "hit"},
    el("div", {class: "hit-head"}, sourceLink(hit), " ", el("span", {class: "title"}, hit.title || ""),
       " ", el("span", {class: "score"}, `${T.score} ${Number(hit.score).toFixed(3)}`), " ", methodChip(hit)),
    summary ? highlighted("p", "summary", summary, hit.terms) : null,
    highlighted("p", "text", hit.text, hit.terms),
    entityChips(hit.entities));
}

function reasonList(reasons) {
  const list = el("ul", {class: "reasons"});
  for (const r of reasons || []) {
    const fact = LANG === "en" ? (r.fact_en || r.fact) : r.fact;
    list.append(el("li", {class: "reason"}, r.doc ? sourceLink(r) : null, r.doc ? " " : null, fact,
                   r.field ? el("span", {class: "chip field"}, r.field) : null, " ", methodChip(r)));
  }
  return list;
}

async function runSearch(event) {
  event.preventDefault();
  const q = document.getElementById("search-q").value;
  const mode = document.getElementById("search-mode").value;
  const list = document.getElementById("search-results");
  list.replaceChildren();
  setStatus("search-status", T.loading);
  try {
    const data = await getJSON(`/api/search?${new URLSearchParams({q, mode, k: "10"})}`);
    document.getElementById("search-linked").replaceChildren(linkedChips(data.linked));
    data.hits.forEach((h) => list.append(hitItem(h)));
    setStatus("search-status", data.hits.length ? `${data.hits.length} ${T.results} · ${data.took_ms} ms` : T.no_results);
  } catch (err) {
    setStatus("search-status", `${T.error}: ${err.message}`, true);
  }
}

function showPartners(data) {
  const list = document.getElementById("partners-results");
  list.replaceChildren();
  for (const p of data.partners) {
    const evidence = el("ol", {class: "hits evidence"});
    (p.evidence || []).forEach((h) => evidence.append(hitItem(h)));
    list.append(el("li", {class: "partner"},
      el("div", {class: "hit-head"}, el("a", {class: "partner-name", href: localLink(p.iri)}, p.label),
         " ", el("span", {class: "chip"}, p.type || ""), " ",
         el("span", {class: "score"}, `${T.score} ${Number(p.score).toFixed(3)}`)),
      reasonList(p.reasons),
      el("details", {}, el("summary", {}, `${T.evidence} (${(p.evidence || []).length})`), evidence)));
  }
  setStatus("partners-status", data.partners.length ? `${data.partners.length} ${T.results}` : T.no_results);
}

async function runPartners(event, url) {
  event.preventDefault();
  setStatus("partners-status", T.loading);
  try {
    showPartners(await getJSON(url));
  } catch (err) {
    document.getElementById("partners-results").replaceChildren();
    setStatus("partners-status", `${T.error}: ${err.message}`, true);
  }
}

function partnerParams() {
  const params = {q: document.getElementById("partners-q").value, k: "10"};
  const type = document.getElementById("partners-type").value;
  const country = document.getElementById("partners-country").value.trim();
  if (type) params.type = type;
  if (country) params.country = country;
  return new URLSearchParams(params);
}

function likeParams() {
  return new URLSearchParams({region: document.getElementById("like-region").value, k: "10",
    exclude_existing: document.getElementById("like-exclude").checked ? "true" : "false"});
}

function showTab() {
  const name = (location.hash || "#search").slice(1);
  const panels = document.querySelectorAll(".tab-panel");
  if (![...panels].some((p) => p.id === name)) return;
  panels.forEach((p) => p.classList.toggle("active", p.id === name));
  document.querySelectorAll(".tabs a").forEach((a) => a.classList.toggle("active", a.dataset.tab === name));
}

document.body.classList.add("js");
document.getElementById("search-form").addEventListener("submit", runSearch);
document.getElementById("partners-form").addEventListener("submit", (e) => runPartners(e, `/api/partners?${partnerParams()}`));
document.getElementById("like-form").addEventListener("submit", (e) => runPartners(e, `/api/partners/like?${likeParams()}`));
window.addEventListener("hashchange", showTab);
showTab();
