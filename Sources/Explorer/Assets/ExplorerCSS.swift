// The page's style sheet.
let explorerCSS = #"""
:root { --ink: #1d232b; --muted: #5b6672; --line: #d9dee4; --accent: #2f6db5; --soft: #f3f5f8; --warn: #a33a2a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 12.5px; }
a { color: var(--accent); }
.bar { display: flex; align-items: baseline; gap: 16px; padding: 10px 20px; border-bottom: 1px solid var(--line); background: var(--soft); }
.bar h1 { font-size: 17px; margin: 0; font-weight: 600; }
.bar h1 code { font-size: 16px; margin-right: 6px; }
.home { font-weight: 600; text-decoration: none; }
.view { display: grid; grid-template-columns: minmax(420px, 1fr) minmax(400px, 500px); gap: 0; min-height: calc(100vh - 48px); }
.figure-pane { padding: 16px 20px; border-right: 1px solid var(--line); }
.toolbar { display: flex; gap: 18px; align-items: center; margin-bottom: 10px; flex-wrap: wrap; }
.toolbar label { color: var(--muted); }
select, button, input.number { font: inherit; }
.status { color: var(--muted); font-size: 12.5px; margin-left: auto; }
.figure-box { position: relative; border: 1px solid var(--line); border-radius: 6px; padding: 10px; background: #fff; min-height: 240px; }
.figure-box img { display: block; width: 100%; height: auto; }
.busy { position: absolute; right: 12px; top: 12px; display: flex; gap: 10px; align-items: center; padding: 8px 12px;
        background: rgba(255, 255, 255, 0.94); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.busy[hidden] { display: none; }
.busy progress { display: block; width: 180px; height: 6px; margin-top: 4px; }
.spinner { width: 18px; height: 18px; border: 3px solid var(--line); border-top-color: var(--accent); border-radius: 50%; animation: spin 0.8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.error { margin-top: 10px; padding: 8px 12px; border-left: 4px solid var(--warn); background: #fbeeeb; color: var(--warn); font-family: "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.error[hidden] { display: none; }
.exports { margin-top: 12px; color: var(--muted); display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.exports a { padding: 3px 10px; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; background: var(--soft); }
.exports a:hover { border-color: var(--accent); }
.exports select[hidden] { display: none; }
.summary { color: var(--muted); max-width: 75ch; }
.controls-pane { padding: 12px 16px; overflow-y: auto; max-height: calc(100vh - 48px); }
.controls-head { display: flex; align-items: center; justify-content: space-between; }
.controls-head h2 { font-size: 15px; margin: 4px 0; }
.note { color: var(--muted); font-size: 12.5px; margin: 2px 0 10px; }
.control { display: grid; grid-template-columns: 178px 1fr 86px 26px; gap: 6px; align-items: center; padding: 5px 4px; border-bottom: 1px solid #eef0f3; }
.control label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: help; }
.control .unit { color: var(--muted); margin-left: 5px; font-size: 12px; }
.control.changed label code { color: var(--accent); font-weight: 600; }
.control select { grid-column: 2 / 4; }
.control input.slider { width: 100%; accent-color: var(--accent); }
.control input.slider.log { accent-color: #6b4fb0; }
.control input.number { width: 86px; padding: 2px 4px; border: 1px solid var(--line); border-radius: 3px; text-align: right; font-family: "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.control button.reset { border: 1px solid var(--line); background: #fff; border-radius: 3px; cursor: pointer; padding: 0 4px; }
.control.locked { opacity: 0.55; }
.locked-note { grid-column: 1 / 5; font-size: 11.5px; color: var(--muted); }
.index header { padding: 18px 28px; border-bottom: 1px solid var(--line); background: var(--soft); }
.index h1 { margin: 0 0 4px; font-size: 20px; }
.index-main { padding: 8px 28px 28px; columns: 2 460px; }
.index-main section { break-inside: avoid; }
.index-main h2 { font-size: 15px; margin: 16px 0 6px; }
.figure-list { list-style: none; padding: 0; margin: 0; }
.figure-list li { padding: 3px 0; }
.figure-list code { display: inline-block; min-width: 76px; }
@media (max-width: 900px) { .view { grid-template-columns: 1fr; } .controls-pane { max-height: none; } }
"""#
