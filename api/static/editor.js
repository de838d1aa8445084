/* Gyoryu SPARQL editor: YASGUI (vendored, api/static/vendor/yasgui) against this server's /sparql only.
   Completion is local: the project's prefixes and vocabulary terms (never prefix.cc or Linked Open
   Vocabularies). IRIs of Gyoryu entities in the result table link to their pages (/id/…). */
"use strict";

(function () {
  const root = document.getElementById("yasgui");
  if (!root || !window.Yasgui) return;
  const ID_NS = "https://w3id.org/gyoryu/id/";
  const data = JSON.parse(document.getElementById("editor-data").textContent);
  const EXAMPLES = JSON.parse(document.getElementById("examples-data").textContent);
  const T = JSON.parse(document.getElementById("ui-strings").textContent);
  const lang = document.documentElement.lang || "ko";
  const endpoint = new URL("/sparql", window.location.href).href;
  const Yasqe = window.Yasgui.Yasqe;
  const Yasr = window.Yasgui.Yasr;

  // -- completion from the page's own lists --------------------------------------------------------
  const prefixLines = Object.entries(data.prefixes).map(([p, ns]) => `${p}: <${ns}>`).sort();

  function expandPrefixed(text, yasqe) {
    const m = /^([A-Za-z][\w.-]*)?:(.*)$/.exec(text || "");
    if (!m) return (text || "").replace(/^</, "");
    const declared = Object.assign({}, data.prefixes, yasqe.getPrefixesFromQuery());
    const ns = declared[m[1] || ""];
    return ns === undefined ? text : ns + m[2];
  }

  function shorten(iri, yasqe) {
    const declared = Object.entries(Object.assign({}, data.prefixes, yasqe.getPrefixesFromQuery()))
      .sort((a, b) => b[1].length - a[1].length);
    for (const [p, ns] of declared) {
      if (ns && iri.startsWith(ns) && /^[\w-]*$/.test(iri.slice(ns.length))) return `${p}:${iri.slice(ns.length)}`;
    }
    return `<${iri}>`;
  }

  function termsOf(kinds) {
    return (yasqe, token) => {
      const typed = expandPrefixed((token && token.string) || "", yasqe).trim();
      const lower = typed.toLowerCase();
      return Promise.resolve(data.terms
        .filter((t) => kinds.includes(t.kind))
        .filter((t) => t.iri.toLowerCase().startsWith(lower)
          || (typed && ((t.ko && t.ko.includes(typed)) || (t.en && t.en.toLowerCase().includes(lower)))))
        .map((t) => t.iri));
    };
  }

  Yasqe.Autocompleters.prefixes = Object.assign({}, Yasqe.Autocompleters.prefixes,
    {get: () => Promise.resolve(prefixLines), persistenceId: null});
  for (const [name, kinds] of [["property", ["property"]], ["class", ["class"]]]) {
    Yasqe.Autocompleters[name] = Object.assign({}, Yasqe.Autocompleters[name], {
      get: termsOf(kinds),
      preProcessToken: (yasqe, token) => token,
      postProcessSuggestion: (yasqe, token, suggestion) => shorten(suggestion, yasqe),
      bulk: false,
      persistenceId: null,
    });
  }
  // After SERVICE: the reserved local services (gy:search, gy:similar), the only ones this endpoint runs.
  Yasqe.registerAutocompleter({
    name: "gyoryuServices",
    isValidCompletionPosition: (yasqe) => {
      const token = yasqe.getCompleteToken();
      const before = yasqe.getPreviousNonWsToken(yasqe.getDoc().getCursor().line, token);
      return Boolean(before && before.string && /^(SERVICE|SILENT)$/i.test(before.string));
    },
    get: termsOf(["service"]),
    preProcessToken: (yasqe, token) => token,
    postProcessSuggestion: (yasqe, token, suggestion) => shorten(suggestion, yasqe),
    bulk: false,
    persistenceId: null,
  });
  Yasr.plugins.table.defaults.openIriInNewWindow = false;

  // -- the editor --------------------------------------------------------------------------------------
  const yasgui = new window.Yasgui(root, {
    requestConfig: {endpoint, method: "POST",
                    acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
                    acceptHeaderGraph: "text/turtle,*/*;q=0.9"},
    endpointCatalogueOptions: {getData: () => [{endpoint}], keys: ["endpoint"]},
    copyEndpointOnNewTab: true,
    populateFromUrl: false,
    persistenceId: null,
    autofocus: false,
    yasqe: {value: EXAMPLES.length ? EXAMPLES[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
            createShareableLink: null, consumeShareLink: null, prefixCcApi: undefined},
    yasr: {prefixes: data.prefixes, persistenceId: null},
  });

  function tab() {
    const current = yasgui.getTab();
    if (current.getEndpoint() !== endpoint) current.setEndpoint(endpoint);
    return current;
  }
  tab();

  // IRIs of our entities open their page here, not the w3id.org address.
  function localLinks(node) {
    node.querySelectorAll("a.iri, a[href^='" + ID_NS + "']").forEach((a) => {
      const href = a.getAttribute("href") || "";
      if (href.startsWith(ID_NS)) {
        a.setAttribute("href", "/id/" + href.slice(ID_NS.length));
        a.removeAttribute("target");
      }
    });
  }
  new MutationObserver(() => localLinks(root)).observe(root, {childList: true, subtree: true});

  const status = document.getElementById("sparql-status");
  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }
  let started = 0;
  yasgui.on("query", () => { started = performance.now(); setStatus(T.loading); });
  function report(current) {
    const results = current.getYasr().results;
    if (!results) return;
    if (results.hasError()) {
      const error = results.getError();
      let message = String(error.text || error.statusText || error.status || "");
      try { message = JSON.parse(message).error.message; } catch (e) { /* not our JSON error */ }
      setStatus(`${T.error}: ${message.slice(0, 300)}`, true);
      return;
    }
    const rows = (results.getBindings() || []).length;
    setStatus(`${rows} ${T.rows} · ${Math.round(performance.now() - started)} ms`);
  }
  // The tab announces the response just before its result view reads it: report once that is done.
  yasgui.on("queryResponse", (instance, current) => setTimeout(() => report(current), 0));

  function useExample(id) {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    const current = tab();
    current.setQuery(ex.query);
    current.query();
  }
  document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => useExample(b.dataset.example)));

  async function downloadCsv() {
    try {
      const resp = await fetch("/sparql", {method: "POST", body: tab().getQuery(),
        headers: {Accept: "text/csv", "Content-Type": "application/sparql-query"}});
      if (!resp.ok) {
        const body = await resp.json().catch(() => ({}));
        throw new Error((body.error && body.error.message) || resp.statusText);
      }
      const url = URL.createObjectURL(await resp.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = "gyoryu-results.csv";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      setStatus(`${T.error}: ${err.message}`, true);
    }
  }
  document.getElementById("sparql-csv").addEventListener("click", downloadCsv);

  root.dataset.ready = "true";
  root.setAttribute("lang", lang);
  window.gyoryuEditor = yasgui;
})();
