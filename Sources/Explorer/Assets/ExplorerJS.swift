// The page's script: builds a control per input from /api/describe, draws the latest view,
// drafts while dragging and final on release, and keeps the export links on the current view.
let explorerJS = #"""
"use strict";
(() => {
  const id = document.body.dataset.id;
  const client = "c" + Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
  const $ = (s) => document.getElementById(s);
  const img = $("figure"), busy = $("busy"), busyText = $("busy-text"), busyBar = $("busy-bar");
  const state = { values: {}, style: "paper", display: "png" };
  const controls = {};
  let desc = null, seq = 0, shown = 0, barrier = 0, inFlight = 0, draftBusy = false, draftPending = false;
  let finalController = null, busyTimer = null, pollTimer = null, started = 0, shownURL = null;

  const fmt = (c, v) => c.kind === "integer" ? String(Math.round(v)) : String(Number(Number(v).toPrecision(4)));
  const toSlider = (c, v) => c.log ? Math.log10(Math.max(v, sliderMin(c))) : v;
  const fromSlider = (c, p) => c.log ? Math.pow(10, p) : p;
  const sliderMin = (c) => c.log ? (c.min > 0 ? c.min : c.max * 1e-8) : c.min;

  function query(extra) {
    const q = new URLSearchParams();
    q.set("id", id);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    for (const [k, v] of Object.entries(state.values)) q.append("set", k + "=" + v);
    return q.toString();
  }

  function updateExports() {
    const base = { style: state.style, quality: "final", download: "1" };
    $("export-pdf").href = "/api/render?" + query({ ...base, format: "pdf" });
    $("export-png").href = "/api/render?" + query({ ...base, format: "png" });
    $("export-svg").href = "/api/render?" + query({ ...base, format: "svg" });
    const table = $("csv-table").value;
    $("export-csv").href = "/api/csv?" + query(table ? { ...base, table } : base);
    $("export-spec").href = "/api/spec?" + query(base);
  }

  function showError(text) {
    const e = $("error");
    e.textContent = text || "";
    e.hidden = !text;
  }

  function setBusy(on, quality) {
    if (on) {
      if (busyTimer || !busy.hidden) return;
      started = performance.now();
      busyTimer = setTimeout(() => {
        busyTimer = null;
        busy.hidden = false;
        pollTimer = setInterval(poll, 200);
        poll();
      }, 300);
      busyText.textContent = "computing " + quality + "…";
    } else {
      clearTimeout(busyTimer); busyTimer = null;
      clearInterval(pollTimer); pollTimer = null;
      busy.hidden = true;
    }
  }

  async function poll() {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    try {
      const r = await fetch("/api/progress?client=" + client, { cache: "no-store" });
      const p = await r.json();
      if (p.total) {
        busyBar.max = p.total; busyBar.value = p.done;
        busyText.textContent = `computing… ${p.done}/${p.total} points, ${seconds} s`;
        return;
      }
    } catch (e) { /* the next poll tries again */ }
    busyBar.removeAttribute("value");
    busyText.textContent = `computing… ${seconds} s`;
  }

  function request(quality) {
    if (quality === "draft" && draftBusy) { draftPending = true; return; }
    const mine = ++seq;
    if (quality === "final") {
      barrier = mine;
      draftPending = false;
      if (finalController) finalController.abort();
    }
    const controller = new AbortController();
    if (quality === "final") finalController = controller; else draftBusy = true;
    inFlight++;
    document.body.dataset.state = "busy";
    setBusy(true, quality);
    const t0 = performance.now();
    const body = { id, quality, style: state.style, format: state.display, inputs: state.values, client, seq: mine };
    if (state.display === "png") body.width = Math.round(Math.min(img.parentElement.clientWidth || 640, 1400) * (window.devicePixelRatio || 1));
    fetch("/api/render", { method: "POST", body: JSON.stringify(body), signal: controller.signal,
                           headers: { "Content-Type": "application/json" } })
      .then(async (r) => {
        if (r.status === 409) return;
        if (!r.ok) { if (mine >= barrier) showError((await r.text()).trim()); return; }
        const blob = await r.blob();
        if (mine <= shown || mine < barrier) return;  // an older view: never drawn over a newer one
        shown = mine;
        const url = URL.createObjectURL(blob);
        img.onload = () => { if (shownURL && shownURL !== url) URL.revokeObjectURL(shownURL); shownURL = url; };
        img.src = url;
        img.dataset.seq = String(mine);
        img.dataset.quality = quality;
        img.dataset.drawn = String(Number(img.dataset.drawn || 0) + 1);
        showError("");
        applyFacts(r, quality, performance.now() - t0);
      })
      .catch((e) => { if (e.name !== "AbortError") showError("Error: " + e.message); })
      .finally(() => {
        inFlight--;
        if (quality === "draft") {
          draftBusy = false;
          if (draftPending) { draftPending = false; request("draft"); }
        }
        if (inFlight === 0) { setBusy(false); document.body.dataset.state = "idle"; }
      });
  }

  function applyFacts(r, quality, ms) {
    const cache = r.headers.get("X-Cache"), seconds = Number(r.headers.get("X-Compute-Seconds") || 0);
    $("status").textContent = `${quality} · ${cache === "hit" ? "from the cache" : "computed in " + seconds.toFixed(2) + " s"} · shown in ${Math.round(ms)} ms`;
    const effective = new URLSearchParams(r.headers.get("X-Effective") || "");
    for (const [name, text] of effective) {
      const c = controls[name];
      if (c && !(name in state.values)) showValue(c, text, Number(text));
    }
    const tables = (r.headers.get("X-Tables") || "").split(",").filter(Boolean);
    const select = $("csv-table"), current = select.value;
    if (select.options.length !== tables.length || tables.some((t, i) => select.options[i].value !== t)) {
      select.innerHTML = "";
      for (const t of tables) select.add(new Option(t, t));
      if (tables.includes(current)) select.value = current;
      select.hidden = tables.length < 2;
    }
    updateExports();
  }

  function showValue(c, text, v) {
    if (c.spec.kind === "choice") { c.select.value = text; return; }
    c.number.value = text;
    if (isFinite(v)) c.slider.value = String(toSlider(c.spec, v));
  }

  function set(c, text, quality) {
    state.values[c.spec.name] = text;
    for (const a of c.spec.alternatives) {
      if (a in state.values) { delete state.values[a]; controls[a] && controls[a].row.classList.remove("changed"); }
    }
    c.row.classList.add("changed");
    updateExports();
    request(quality);
  }

  function reset(c) {
    delete state.values[c.spec.name];
    c.row.classList.remove("changed");
    showValue(c, c.spec.text, c.spec.value);
    updateExports();
    request("final");
  }

  function build(spec) {
    const row = document.createElement("div");
    row.className = "control" + (spec.locked ? " locked" : "");
    row.dataset.name = spec.name;
    const label = document.createElement("label");
    label.htmlFor = "in-" + spec.name;
    label.title = spec.doc;
    label.innerHTML = "<code></code><span class='unit'></span>";
    label.firstChild.textContent = spec.name;
    label.lastChild.textContent = spec.unit === "1" || spec.unit === "choice" ? "" : spec.unit;
    row.append(label);
    const c = { spec, row };
    if (spec.kind === "choice") {
      const select = document.createElement("select");
      select.id = "in-" + spec.name;
      for (const ch of spec.choices) select.add(new Option(ch, ch));
      select.value = spec.text;
      select.addEventListener("change", () => set(c, select.value, "final"));
      c.select = select;
      row.append(select);
    } else {
      const slider = document.createElement("input");
      slider.type = "range";
      slider.className = "slider";
      slider.min = String(toSlider(spec, sliderMin(spec)));
      slider.max = String(toSlider(spec, spec.max));
      slider.step = spec.kind === "integer" ? "1" : "any";
      slider.setAttribute("aria-label", spec.name + (spec.log ? " (log slider)" : ""));
      slider.dataset.name = spec.name;
      if (spec.log) slider.classList.add("log");
      const number = document.createElement("input");
      number.type = "text";
      number.inputMode = "decimal";
      number.className = "number";
      number.id = "in-" + spec.name;
      number.dataset.name = spec.name;
      slider.addEventListener("input", () => {
        const text = fmt(spec, fromSlider(spec, Number(slider.value)));
        number.value = text;
        set(c, text, "draft");
      });
      slider.addEventListener("change", () => set(c, number.value, "final"));
      number.addEventListener("change", () => {
        const text = number.value.trim();
        if (text === "") { reset(c); return; }
        const v = Number(text);
        if (isFinite(v)) slider.value = String(toSlider(spec, v));
        set(c, text, "final");
      });
      c.slider = slider; c.number = number;
      row.append(slider, number);
      showValue(c, spec.text, spec.value);
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "reset";
    button.textContent = "↺";
    button.title = "Reset to the paper's value (" + spec.text + (spec.rule ? "; " + spec.rule : "") + ")";
    button.addEventListener("click", () => reset(c));
    row.append(button);
    if (spec.locked) {
      for (const el of row.querySelectorAll("input, select, button")) el.disabled = true;
      const note = document.createElement("div");
      note.className = "locked-note";
      note.textContent = spec.locked;
      row.append(note);
    }
    controls[spec.name] = c;
    return row;
  }

  async function start() {
    const r = await fetch("/api/describe?id=" + encodeURIComponent(id));
    if (!r.ok) { showError((await r.text()).trim()); return; }
    desc = await r.json();
    $("summary").textContent = desc.summary;
    const style = $("style");
    for (const s of desc.styles) style.add(new Option(s, s));
    style.addEventListener("change", () => { state.style = style.value; updateExports(); request("final"); });
    $("display").addEventListener("change", (e) => { state.display = e.target.value; request("final"); });
    const box = $("controls");
    for (const spec of desc.controls) box.append(build(spec));
    $("reset-all").addEventListener("click", () => {
      for (const c of Object.values(controls)) { c.row.classList.remove("changed"); showValue(c, c.spec.text, c.spec.value); }
      state.values = {};
      updateExports();
      request("final");
    });
    updateExports();
    $("csv-table").addEventListener("change", updateExports);
    request("final");
  }
  start();
})();
"""#
