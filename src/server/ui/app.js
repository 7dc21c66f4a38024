/*
 * leaklaw web interface: the case list, the case interview with live
 * assessment (every change re-assesses, so flipping a fact shows every
 * lens move), the verdicts under every profile, and State practice.
 * Plain JavaScript, no library, no external request: it talks to the
 * server's own API (docs/api.md) only.
 */
"use strict";

const U = "unknown";
const FIELDS = [
  ["Actor and attribution", [
    ["/actor/kind", "Who acted", "enum", ["state-organ", "state-empowered",
      "state-directed", "state-adopted", "non-state", "insider"]],
    ["/actor/state", "State the conduct would be attributed to (ISO code, e.g. RU)", "country"],
    ["/actor/control", "State control of the operation", "enum",
      ["instructions", "effective-control", "overall-control", "support-only"]],
    ["/actor/attribution/confidence", "Confidence of the attribution", "enum",
      ["high", "moderate", "low", "none"]],
    ["/actor/attribution/basis", "Basis of the attribution", "list",
      ["victim-government", "third-government", "indictment", "sanctions",
        "international-organization", "private-sector", "media", "self-attribution"]]]],
  ["Victim", [
    ["/victim/state", "Victim State (ISO code)", "country"],
    ["/victim/target", "Target", "enum", ["election-infrastructure", "election-body",
      "political-party", "campaign", "candidate", "legislature", "government",
      "head-of-state", "state-media", "military", "intelligence",
      "international-organization", "company", "media", "ngo", "individual"]]]],
  ["Access", [
    ["/access/0/method", "How the data was obtained", "enum", ["public-source",
      "open-exposure", "found-device", "purchased", "insider-own-initiative",
      "insider-recruited", "insider-cooperating", "phishing", "brute-force",
      "stolen-credentials", "exploit", "malware", "supply-chain", "physical-intrusion"]],
    ["/access/0/attack", "ATT&CK technique (e.g. T1566)", "text"]]],
  ["Disclosure", [
    ["/disclosure/status", "Was the material disclosed", "enum",
      ["published", "attempted", "none"]],
    ["/disclosure/date", "Date of disclosure (YYYY-MM-DD)", "text"],
    ["/disclosure/authenticity", "Authenticity", "enum",
      ["authentic", "altered", "fabricated", "mixed"]],
    ["/disclosure/concealed_origin", "Origin concealed", "bool"],
    ["/disclosure/selective", "Selective release", "bool"],
    ["/disclosure/amplified", "Amplified by the actor", "bool"]]],
  ["Content", [
    ["/content/kinds", "What the material holds", "list", ["private-political",
      "personal-data", "official-secrets", "commercial", "wrongdoing-evidence",
      "human-rights-abuses", "public-information", "fabricated-statements"]],
    ["/content/public_interest", "Public interest", "enum", ["high", "some", "none"]]]],
  ["Context and effects", [
    ["/context/process", "Political process at stake", "enum", ["election",
      "referendum", "legislation", "government-formation", "foreign-policy",
      "diplomatic-crisis", "sporting", "none"]],
    ["/context/process_date", "Date of the process (YYYY-MM-DD)", "text"],
    ["/effects/process_manipulated", "The process or its results were manipulated", "bool"],
    ["/effects/coercive_demand", "A demand backed by harm was made", "bool"],
    ["/effects/functions_disrupted", "Governmental functions were disrupted", "bool"],
    ["/effects/significant", "Significant effects on the reserved matter", "bool"]]],
  ["Purpose", [
    ["/purpose/kinds", "The operation's purposes", "list", ["influence-election",
      "undermine-government", "coerce-policy", "retaliation", "espionage",
      "expose-wrongdoing", "financial", "ideological", "disclose"]]]]
];

const main = () => document.getElementById("main");
const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
  (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const idOf = (p) => "f" + p.replace(/[^a-z0-9]/gi, "_");

async function api(method, path, body) {
  const r = await fetch(path, { method, body, headers: body ? { "Content-Type": "application/json" } : {} });
  const text = await r.text();
  let doc = null;
  try { doc = JSON.parse(text); } catch (e) { doc = null; }
  if (!r.ok) throw new Error(doc && doc.error ? doc.error.message +
    (doc.error.pointer ? " (" + doc.error.pointer + ")" : "") : r.statusText);
  return doc === null ? text : doc;
}

/* ---- the case list ---- */
async function showList() {
  main().innerHTML = '<h2>Cases</h2><label for="q">Search titles and summaries</label>' +
    '<input id="q" type="search" autocomplete="off"> <div id="list"></div>';
  const q = document.getElementById("q");
  const load = async () => {
    const doc = await api("GET", "/v1/cases" + (q.value ? "?q=" + encodeURIComponent(q.value) : ""));
    document.getElementById("list").innerHTML = "<p>" + doc.cases.length + " cases</p><table><tr><th>Case</th>" +
      "<th>Expected verdicts</th></tr>" + doc.cases.map((c) => '<tr><td><a href="#/case/' +
      encodeURIComponent(c.id) + '">' + esc(c.title) + "</a></td><td>" +
      (c.origin === "store" ? "stored case " : "") +
      Object.entries(c.expected || {}).map(([l, v]) => esc(l) + ": " + esc(v)).join("; ") +
      "</td></tr>").join("") + "</table>";
  };
  q.addEventListener("input", load);
  await load();
}

/* ---- the interview ---- */
function get(doc, path) {
  let v = doc;
  for (const k of path.split("/").slice(1)) {
    if (v == null) return undefined;
    v = v[/^\d+$/.test(k) ? Number(k) : k];
  }
  return v;
}

function set(doc, path, value) {
  const ks = path.split("/").slice(1);
  let o = doc;
  ks.forEach((k, i) => {
    const key = /^\d+$/.test(k) ? Number(k) : k;
    if (i === ks.length - 1) { o[key] = value; return; }
    if (o[key] == null) o[key] = /^\d+$/.test(ks[i + 1]) ? [] : {};
    o = o[key];
  });
}

/* The control of fact "f"; "suffix" "_b" is the other value of a disputed
   fact, named for screen readers as such (the main control has its label). */
function control(f, suffix) {
  const [path, label, type, opts] = f;
  const id = idOf(path) + suffix;
  const name = suffix || type === "list" ? ' aria-label="' + esc(label) + (suffix ? ": other value" : "") +
    '"' : "";
  if (type === "enum")
    return '<select id="' + id + '"' + name + '><option value="">unknown</option>' +
      opts.map((o) => '<option>' + esc(o) + "</option>").join("") + "</select>";
  if (type === "bool")
    return '<select id="' + id + '"' + name + '><option value="">unknown</option><option value="true">yes</option>' +
      '<option value="false">no</option></select>';
  if (type === "list")
    return '<select id="' + id + '" multiple size="4"' + name + '>' +
      opts.map((o) => "<option>" + esc(o) + "</option>").join("") + "</select>" +
      '<label><input type="checkbox" id="' + id + '_known"> the list is complete as selected</label>';
  return '<input id="' + id + '" type="text" size="14" placeholder="unknown"' + name + '>';
}

function factHtml(f) {
  const [path, label] = f;
  const id = idOf(path);
  return '<div class="fact"><label for="' + id + '">' + esc(label) + "</label>" +
    '<div class="row">' + control(f, "") +
    '<label><input type="checkbox" id="' + id + '_disp"> disputed</label>' +
    '<span id="' + id + '_alt" hidden>other value: ' + control(f, "_b") + "</span>" +
    '<input id="' + id + '_cite" type="text" size="12" placeholder="source ids" aria-label="sources of ' +
    esc(label) + '"></div></div>';
}

function readValue(f, suffix) {
  const [path, , type] = f;
  const el = document.getElementById(idOf(path) + suffix);
  if (type === "list") {
    const sel = Array.from(el.selectedOptions).map((o) => o.value);
    const known = document.getElementById(idOf(path) + suffix + "_known");
    if (!sel.length && !(known && known.checked)) return undefined;
    return known && known.checked ? sel : sel.concat([U]);
  }
  if (el.value === "") return undefined;
  if (type === "bool") return el.value === "true";
  return el.value;
}

function buildCase(base) {
  const cid = document.getElementById("cid").value.trim(), ctitle = document.getElementById("ctitle").value.trim();
  const doc = { format: "leaklaw/case/1", id: cid || base.id || "draft", title: ctitle || base.title || "Draft case" };
  doc.sources = readSources();
  for (const [, fields] of FIELDS)
    for (const f of fields) {
      const id = idOf(f[0]);
      const a = readValue(f, "");
      const cites = document.getElementById(id + "_cite").value.split(/[\s,]+/).filter(Boolean);
      if (document.getElementById(id + "_disp").checked) {
        const b = readValue(f, "_b");
        if (a !== undefined && b !== undefined)
          set(doc, f[0], { disputed: [{ value: a, cite: cites }, { value: b, cite: cites }] });
        continue;
      }
      if (a === undefined) continue;
      set(doc, f[0], cites.length ? { value: a, cite: cites } : a);
    }
  if (!doc.sources.length) delete doc.sources;
  return doc;
}

function readSources() {
  return Array.from(document.querySelectorAll("#sources tr[data-src]")).map((tr) => {
    const [id, title, url] = Array.from(tr.querySelectorAll("input")).map((i) => i.value.trim());
    const s = { id };
    if (title) s.title = title;
    if (url) s.url = url;
    return s;
  }).filter((s) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s.id));
}

function addSource(s) {
  const tb = document.getElementById("sources");
  const tr = document.createElement("tr");
  tr.dataset.src = "1";
  tr.innerHTML = ["id", "title", "url"].map((k) => '<td><input aria-label="source ' + k +
    '" value="' + esc(s[k] || "") + '"></td>').join("");
  tb.appendChild(tr);
}

function fill(doc) {
  for (const [, fields] of FIELDS)
    for (const f of fields) {
      const id = idOf(f[0]);
      let v = get(doc, f[0]);
      if (v && typeof v === "object" && !Array.isArray(v)) {
        if (v.cite) document.getElementById(id + "_cite").value = v.cite.join(" ");
        if (v.disputed) {
          document.getElementById(id + "_disp").checked = true;
          document.getElementById(id + "_alt").hidden = false;
          put(f, "_b", v.disputed[1] && v.disputed[1].value);
          v = v.disputed[0].value;
        } else v = v.value;
      }
      put(f, "", v);
    }
  (doc.sources || []).forEach(addSource);
}

function put(f, suffix, v) {
  const el = document.getElementById(idOf(f[0]) + suffix);
  if (v === undefined || v === null || v === U) return;
  if (f[2] === "list") {
    const vals = Array.isArray(v) ? v : [];
    Array.from(el.options).forEach((o) => { o.selected = vals.includes(o.value); });
    const known = document.getElementById(idOf(f[0]) + suffix + "_known");
    if (known) known.checked = !vals.includes(U);
  } else el.value = String(v);
}

async function showCase(id) {
  const base = id ? await api("GET", "/v1/cases/" + encodeURIComponent(id)) : {};
  main().innerHTML = "<h2>" + esc(base.title || "New case") + '</h2><div class="cols"><form id="interview" ' +
    'aria-label="Case interview"><fieldset><legend>Case</legend><label for="cid">Id (a-z, 0-9, -)</label>' +
    '<input id="cid" value="' + esc(base.id || "") + '"><label for="ctitle">Title</label><input id="ctitle" size="50" value="' +
    esc(base.title || "") + '"> <button type="button" id="save">Save to the store</button> <span id="saved" role="status"></span>' +
    "</fieldset>" + FIELDS.map(([title, fields]) => "<fieldset><legend>" + esc(title) +
    "</legend>" + fields.map(factHtml).join("") + "</fieldset>").join("") +
    '<fieldset><legend>Sources</legend><p class="hint">Cite a source by its id in a fact\'s "source ids".</p>' +
    '<table><thead><tr><th>id</th><th>title</th><th>url</th></tr></thead><tbody id="sources"></tbody></table>' +
    '<button type="button" id="addsrc">Add a source</button></fieldset></form>' +
    '<section id="result" aria-label="Assessment"></section></div>' +
    '<p id="announce" role="status" class="sr-only"></p>';
  fill(base);
  document.getElementById("addsrc").addEventListener("click", () => addSource({}));
  document.getElementById("save").addEventListener("click", async () => {
    const out = document.getElementById("saved");
    try {
      const r = await api("POST", "/v1/cases", JSON.stringify(buildCase(base)));
      out.textContent = "saved as " + r.id;
    } catch (e) {
      out.textContent = "not saved: " + e.message;
    }
  });
  const form = document.getElementById("interview");
  let timer = null;
  const run = () => { clearTimeout(timer); timer = setTimeout(() => assess(base), 150); };
  form.addEventListener("change", (e) => {
    if (e.target.id.endsWith("_disp"))
      document.getElementById(e.target.id.replace(/_disp$/, "_alt")).hidden = !e.target.checked;
    run();
  });
  form.addEventListener("input", run);
  await assess(base);
}

/* ---- the assessment ---- */
async function assess(base) {
  const out = document.getElementById("result");
  const doc = buildCase(base);
  const body = JSON.stringify(doc);
  let a, all;
  try {
    [a, all] = await Promise.all([api("POST", "/v1/assess", body), api("POST", "/v1/assess?profile=all", body)]);
  } catch (e) {
    out.innerHTML = '<p class="error" role="alert">' + esc(e.message) + "</p>";
    return;
  }
  /* a screen reader hears the verdicts when they change, not the whole view */
  const said = "Verdicts: " + Object.values(a.lenses).map((l) => l.title + ": " + l.verdict).join("; ");
  const announce = document.getElementById("announce");
  if (announce && announce.textContent !== said) announce.textContent = said;
  out.innerHTML = "<h3>Verdicts</h3>" + verdicts(a) + whatIf(a) + missing(a) + matrix(all) +
    elements(a) + await chart(a) + precedents(a) +
    '<p class="noprint"><button type="button" id="memo">Print-friendly memo</button></p>';
  document.getElementById("memo").addEventListener("click", async () => {
    const html = await api("POST", "/v1/memo", body);
    const w = window.open(URL.createObjectURL(new Blob([html], { type: "text/html" })));
    if (!w) out.insertAdjacentHTML("beforeend", '<p class="error">Allow pop-ups to open the memo.</p>');
  });
}

const verdicts = (a) => '<div class="verdicts" id="verdicts">' + Object.entries(a.lenses).map(([id, l]) =>
  '<div class="verdict v-' + esc(l.verdict) + '" data-lens="' + esc(id) + '"><span>' + esc(l.title) +
  "</span><strong>" + esc(l.verdict) + "</strong></div>").join("") + "</div>";

const whatIf = (a) => !a.what_if.length ? "" : "<h3>What would change a verdict</h3><ul>" +
  a.what_if.slice(0, 12).map((w) => "<li>" + esc(w.lens) + " → " + esc(w.verdict) + ": " +
    w.changes.map((c) => esc(c.fact) + " " + esc(c.from) + " → " + esc(c.to)).join(", ") + "</li>").join("") + "</ul>";

const missing = (a) => !a.missing.length ? "" : "<h3>Missing facts</h3><ul>" +
  a.missing.map((m) => "<li>" + esc(m.fact) + " (would settle: " + esc((m.affects || []).join(", ")) +
    ")</li>").join("") + "</ul>";

function matrix(all) {
  const lenses = Object.keys(all.profiles[0].verdicts);
  return '<h3>Under every national profile</h3><table id="profiles"><tr><th>Profile</th>' +
    lenses.map((l) => "<th>" + esc(l) + "</th>").join("") + "</tr>" + all.profiles.map((p) =>
      "<tr><td>" + esc(p.profile) + "</td>" + lenses.map((l) => "<td>" + esc(p.verdicts[l]) + "</td>").join("") +
      "</tr>").join("") + "</table>";
}

/* The element tree: each lens, the rules that decide it and its decisive
   elements, each element with the rules that decide it, the facts they read
   and their citations; native <details>, so keyboard and screen readers can
   open and close every branch. */
const applies = (r) => r.applies === true ? "applies" : r.applies === false ? "does not apply" :
  "may apply (facts unknown)";
const ruleItem = (r) => '<li><span class="rule">' + esc(r.rule) + "</span> " + applies(r) +
  ((r.facts || []).length ? "; reads " + r.facts.map(esc).join(", ") : "") +
  ((r.cites || []).length ? ' <span class="cites">[' + r.cites.map(esc).join(", ") + "]</span>" : "") + "</li>";
const elementItem = (id, e) => !e ? "" : "<li><details><summary>" + esc(id) + ": " + esc(e.status) +
  (e.level ? " (" + esc(e.level) + ")" : "") + "</summary><ul>" + (e.because || []).map(ruleItem).join("") +
  "</ul></details></li>";
const elements = (a) => '<h3>Element tree</h3><ul class="tree" id="tree">' +
  Object.entries(a.lenses).map(([id, l]) => '<li data-lens="' + esc(id) + '"><details open><summary>' +
    esc(l.title) + ": " + esc(l.verdict) + "</summary><ul>" + (l.because || []).map(ruleItem).join("") +
    (l.decisive || []).map((d) => elementItem(d, a.elements[d])).join("") + "</ul></details></li>").join("") +
  '<li><details><summary>Every element</summary><ul>' +
  Object.entries(a.elements).map(([id, e]) => elementItem(id, e)).join("") + "</ul></details></li></ul>";

const precedents = (a) => !a.precedents.length ? "" : "<h3>Precedents</h3><ul>" +
  a.precedents.map((p) => '<li><a href="#/case/' + encodeURIComponent(p.case) + '">' + esc(p.title) +
    "</a> (similarity " + esc(p.similarity) + ")</li>").join("") + "</ul>";

/* The intent x intrusiveness chart with the library's cases as points. */
let library = null;
async function chart(a) {
  if (!library) {
    const list = await api("GET", "/v1/cases");
    library = await Promise.all(list.cases.map((c) => api("GET", "/v1/cases/" +
      encodeURIComponent(c.id) + "/assessment").then(point).catch(() => null)));
  }
  const levels = ["none", "low", "medium", "high"];
  const me = point(a);
  const xs = library.filter(Boolean).map((p) => p.x).concat([me.x]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1);
  const cx = (x) => 60 + (x - x0) * 360 / (x1 - x0);
  const dot = (p, mine) => p && p.y >= 0 ? '<circle cx="' + cx(p.x) + '" cy="' + (170 - p.y * 45) +
    '" r="' + (mine ? 7 : 4) + '" fill="' + (mine ? "#c0392b" : "#1f4e8c") + '"><title>' + esc(p.title) +
    "</title></circle>" : "";
  return '<h3>Intent × intrusiveness</h3><svg role="img" aria-label="Intent score against intrusiveness; ' +
    'this case in red, the library in blue" width="440" height="200" viewBox="0 0 440 200">' +
    levels.map((l, i) => '<text x="0" y="' + (174 - i * 45) + '" font-size="10">' + l + "</text>").join("") +
    '<line x1="50" y1="185" x2="430" y2="185" stroke="#999"/><text x="50" y="198" font-size="10">' + x0 +
    '</text><text x="200" y="198" font-size="10">intent score</text><text x="415" y="198" font-size="10">' +
    x1 + "</text>" +
    library.map((p) => dot(p, false)).join("") + dot(me, true) + "</svg>";
}

function point(a) {
  const s = a.scores && Object.values(a.scores)[0];
  const lv = a.elements.intrusiveness && a.elements.intrusiveness.level;
  return { title: a.case.title, x: s ? (s.min + s.max) / 2 : 0,
    y: ["none", "low", "medium", "high"].indexOf(lv || "") };
}

/* ---- State practice ---- */
async function showPractice() {
  const p = await api("GET", "/v1/practice");
  const marks = { affirmed: "A", denied: "D", silent: "S", unknown: "?" };
  const stance = {};
  p.propositions.forEach((q) => Object.keys(marks).forEach((g) => q[g].forEach((e) => {
    stance[e.position + "|" + q.id] = marks[g];
  })));
  main().innerHTML = "<h2>State practice</h2><p>" + p.positions.length + " positions, " + p.reactions.length +
    " State reactions. A affirmed, D denied, S silent, ? not read.</p>" +
    p.propositions.map((q) => "<h3>" + esc(q.text) + "</h3><p>Affirmed by " + q.affirmed.length +
      ", denied by " + q.denied.length + ", silent " + q.silent.length + ", not read " + q.unknown.length +
      (q.since ? "; first affirmed " + esc(q.since) : "") + ".</p><ul>" + q.affirmed.concat(q.denied).map((e) =>
        "<li>" + esc(e.name) + " (" + esc(e.date) + "): “" + esc(e.quote.text) + "” " + esc(e.quote.pinpoint) +
        (e.quote.status === "confirmed" ? "" : " (unconfirmed)") + "</li>").join("") + "</ul>").join("") +
    '<h3>Matrix</h3><table class="matrix" id="matrix"><tr><th>Party</th>' + p.propositions.map((q) =>
      '<th scope="col">' + esc(q.id) + "</th>").join("") + "</tr>" + p.positions.map((pos) => "<tr><th scope=\"row\">" +
      esc(pos.name) + " (" + esc(pos.date) + ")</th>" + p.propositions.map((q) => {
        const m = stance[pos.id + "|" + q.id] || "?";
        return '<td class="' + m + '">' + m + "</td>";
      }).join("") + "</tr>").join("") + "</table>" + timeline(p) + "<h3>Reactions</h3><ul>" +
    p.reactions.map((r) => "<li>" + esc(r.date) + " " + esc(r.party) + " " + esc(r.kind) + " (" + esc(r.case) +
      "): " + esc(r.title) + "</li>").join("") + "</ul>";
}

/* ---- the verification desk: a small corpus, DKIM ---- */
function showMail() {
  main().innerHTML = "<h2>Verification desk</h2><p class=\"hint\">DKIM signatures of a few messages " +
    "(.eml or mbox files), checked against a key archive you paste; nothing leaves this server. " +
    "Verified means unchanged since signed, not true; unverifiable means unknown, not fake. " +
    "Large corpora: <code>leaklaw mail verify</code>.</p><form id=\"mailform\">" +
    '<label for="mfiles">Messages</label><input id="mfiles" type="file" multiple>' +
    '<label for="mkeys">Key archive (selector._domainkey.domain TXT-record, one per line)</label>' +
    '<textarea id="mkeys" rows="5" cols="80"></textarea>' +
    '<label for="mat">Verification time (YYYY-MM-DD; empty: now)</label><input id="mat" type="text">' +
    '<p><button type="submit" id="mverify">Verify</button></p></form><section id="mailout" aria-live="polite"></section>';
  document.getElementById("mailform").addEventListener("submit", async (e) => {
    e.preventDefault();
    const files = Array.from(document.getElementById("mfiles").files);
    const messages = await Promise.all(files.map((f) => f.arrayBuffer().then((b) => ({ name: f.name,
      base64: btoa(Array.from(new Uint8Array(b), (c) => String.fromCharCode(c)).join("")) }))));
    const req = { messages };
    const keys = document.getElementById("mkeys").value;
    const at = document.getElementById("mat").value.trim();
    if (keys) req.keys = keys;
    if (at) req.at = at;
    const out = document.getElementById("mailout");
    try {
      const r = await api("POST", "/v1/mail/verify", JSON.stringify(req));
      out.innerHTML = "<table><tr><th>Message</th><th>From</th><th>Verdict</th><th>Signatures</th></tr>" +
        r.records.map((m) => "<tr><td>" + esc(m.source && m.source.file) + "</td><td>" + esc(m.from) +
          "</td><td>" + esc(m.verdict) + "</td><td>" + (m.signatures || []).map((g) => esc(g.d) + ": " +
            esc(g.result)).join("<br>") + "</td></tr>").join("") + "</table>";
    } catch (err) {
      out.innerHTML = '<p class="error" role="alert">' + esc(err.message) + "</p>";
    }
  });
}

/* Positions (circles) and reactions (squares) by year. */
function timeline(p) {
  const items = p.positions.map((x) => ({ d: x.date, l: x.party, t: x.name + ": " + x.title, r: 0 }))
    .concat(p.reactions.map((x) => ({ d: x.date, l: x.party, t: x.party + " " + x.kind + " (" + x.case + ")", r: 1 })));
  if (!items.length) return "";
  const year = (d) => Number(d.slice(0, 4)) + (d.length >= 7 ? (Number(d.slice(5, 7)) - 1) / 12 : 0);
  const y0 = Math.floor(Math.min(...items.map((i) => year(i.d)))), y1 = Math.ceil(Math.max(...items.map((i) => year(i.d)))) + 1;
  const x = (d) => 30 + (year(d) - y0) * 840 / (y1 - y0);
  const lanes = [[], []];
  const marks = items.map((i) => {
    const lane = lanes[i.r];
    let k = 0;
    while (lane[k] !== undefined && lane[k] > x(i.d)) k++;
    lane[k] = x(i.d) + 24;
    const y = 30 + i.r * 170 + (k % 10) * 14;
    return "<g><title>" + esc(i.t + " (" + i.d + ")") + "</title>" + (i.r ?
      '<rect x="' + (x(i.d) - 3) + '" y="' + (y - 3) + '" width="6" height="6" fill="#c0392b"/>' :
      '<circle cx="' + x(i.d) + '" cy="' + y + '" r="3.5" fill="#1f4e8c"/>') +
      '<text x="' + (x(i.d) + 5) + '" y="' + (y + 4) + '" font-size="9">' + esc(i.l) + "</text></g>";
  });
  const ticks = [];
  for (let y = y0; y <= y1; y++) ticks.push('<text x="' + (x(String(y)) - 10) + '" y="375" font-size="10">' + y + "</text>");
  return '<h3>Timeline</h3><svg id="timeline" role="img" aria-label="Timeline: national positions (circles, top) ' +
    'and State reactions (squares, bottom)" width="900" height="385" viewBox="0 0 900 385">' +
    ticks.join("") + marks.join("") + "</svg>";
}

/* ---- routing ---- */
async function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  try {
    if (h.startsWith("/case/")) await showCase(decodeURIComponent(h.slice(6)));
    else if (h === "/new") await showCase(null);
    else if (h === "/practice") await showPractice();
    else if (h === "/mail") showMail();
    else await showList();
  } catch (e) {
    main().innerHTML = '<p class="error" role="alert">' + esc(e.message) + "</p>";
  }
  main().focus();
}
window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);
