// Dendrite's dashboard: plain JavaScript over the JSON API (docs/web.md); charts are drawn as SVG.
// Text from the server is always set with textContent, never parsed as HTML.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const timers = [];
let runEvents = null;
let selectedRun = null;
let selectedStudy = null;
let selectedModel = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return e;
}

function fmt(x) {
  if (x == null) return '–';
  if (typeof x !== 'number') return String(x);
  return Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.001) ? x.toExponential(3) : x.toFixed(4);
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const response = await fetch(path, init);
  const data = await response.json();
  if (!response.ok) throw new Error(data.detail || response.statusText);
  return data;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

// ---------- charts ----------

/** Draws series [{name, points: [[x, y]…], dots}] into an SVG with axes; each curve is a polyline.curve with data-points. */
function chart(svg, series, xLabel) {
  const W = 600, H = 260, L = 56, R = 110, T = 12, B = 30;
  const all = series.flatMap(s => s.points).filter(p => p[1] != null && isFinite(p[1]));
  svg.replaceChildren();
  const add = (tag, attrs, text) => { const e = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text != null) e.textContent = text; svg.append(e); return e; };
  if (all.length === 0) { add('text', { x: W / 2 - 40, y: H / 2 }, 'no data yet'); return; }
  let x0 = Math.min(...all.map(p => p[0])), x1 = Math.max(...all.map(p => p[0]));
  let y0 = Math.min(...all.map(p => p[1])), y1 = Math.max(...all.map(p => p[1]));
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) { y0 -= 0.5; y1 += 0.5; }
  const pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad;
  const sx = x => L + (x - x0) / (x1 - x0) * (W - L - R);
  const sy = y => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
  for (let i = 0; i <= 4; i++) {
    const y = y0 + (y1 - y0) * i / 4;
    add('line', { class: 'grid', x1: L, x2: W - R, y1: sy(y), y2: sy(y) });
    add('text', { x: 4, y: sy(y) + 4 }, fmt(y));
  }
  const integers = all.every(p => Number.isInteger(p[0]));
  const xs = [...new Set([0, 1, 2, 3, 4].map(i => x0 + (x1 - x0) * i / 4).map(x => integers ? Math.round(x) : x))];
  for (const x of xs) {
    add('text', { x: sx(x) - 8, y: H - 10 }, integers ? x : x.toFixed(1));
  }
  add('line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B });
  add('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B });
  add('text', { x: W - R - 40, y: H - 1 }, xLabel);
  series.forEach((s, i) => {
    const pts = s.points.filter(p => p[1] != null && isFinite(p[1]));
    if (s.dots) {
      const g = add('g', { class: 'dots s' + i, 'data-series': s.name, 'data-points': pts.length });
      for (const p of pts) { const c = document.createElementNS(SVG, 'circle'); c.setAttribute('cx', sx(p[0])); c.setAttribute('cy', sy(p[1])); c.setAttribute('r', 3); g.append(c); }
    } else {
      add('polyline', { class: 'curve s' + i, 'data-series': s.name, 'data-points': pts.length, points: pts.map(p => sx(p[0]).toFixed(1) + ',' + sy(p[1]).toFixed(1)).join(' ') });
    }
    add('text', { x: W - R + 8, y: T + 14 + 16 * i, class: 's' + i }, s.name);
  });
}

// ---------- runs ----------

let runHistory = [];
let runMetric = null;

function drawRun() {
  const e = runHistory;
  const m = runMetric || 'metric';
  chart(document.getElementById('loss-chart'), [
    { name: 'loss', points: e.map(r => [r.epoch, r.loss]) },
    { name: 'val_loss', points: e.map(r => [r.epoch, r.val_loss]) }], 'epoch');
  document.getElementById('metric-title').textContent = m;
  chart(document.getElementById('metric-chart'), [
    { name: m, points: e.map(r => [r.epoch, r[m]]) },
    { name: 'val_' + m, points: e.map(r => [r.epoch, r['val_' + m]]) }], 'epoch');
}

function selectRun(id) {
  if (runEvents) runEvents.close();
  selectedRun = id;
  runHistory = [];
  runMetric = null;
  document.getElementById('run-title').textContent = 'Run ' + id;
  document.getElementById('run-outcome').textContent = '';
  drawRun();
  runEvents = new EventSource('/api/runs/' + encodeURIComponent(id) + '/events');
  runEvents.addEventListener('epoch', ev => {
    const r = JSON.parse(ev.data);
    runMetric = r.metric;
    runHistory.push(r);
    drawRun();
    showEpoch(id, r);
  });
  runEvents.addEventListener('end', ev => {
    const run = JSON.parse(ev.data);
    document.getElementById('run-outcome').textContent = run.state + (run.outcome ? ': ' + run.outcome : '');
    runEvents.close();
    runEvents = null;
  });
  refreshRuns();
}

/** The selected run's row follows its event stream between two polls of the list. */
function showEpoch(id, r) {
  const row = document.querySelector('#runs-table tr[data-run="' + CSS.escape(id) + '"]');
  if (!row) return;
  const planned = row.cells[4].textContent.split(' / ')[1];
  row.cells[4].textContent = r.epoch + (planned ? ' / ' + planned : '');
  row.cells[5].textContent = fmt(r.loss);
  row.cells[6].textContent = r.metric + ' ' + fmt(r[r.metric]);
}

async function refreshRuns() {
  const data = await api('GET', '/api/runs');
  fill(document.querySelector('#runs-table tbody'), data.runs.map(r => {
    const last = r.last || {};
    const stop = r.state === 'running' || r.state === 'queued'
      ? el('button', { class: 'stop', 'data-run': r.id, onclick: async ev => { ev.stopPropagation(); try { await api('DELETE', '/api/runs/' + r.id); } catch (e) { document.getElementById('run-error').textContent = e.message; } refreshRuns(); } }, 'stop')
      : '';
    return el('tr', { class: 'selectable' + (r.id === selectedRun ? ' selected' : ''), 'data-run': r.id, onclick: () => selectRun(r.id) },
      el('td', {}, r.id), el('td', {}, r.dataset), el('td', {}, r.origin), el('td', { class: 'state-' + r.state }, r.state),
      el('td', {}, r.epochs + (r.plannedEpochs ? ' / ' + r.plannedEpochs : '')), el('td', {}, fmt(last.loss)),
      el('td', {}, last.metric ? last.metric + ' ' + fmt(last[last.metric]) : '–'), el('td', {}, stop));
  }));
}

async function startRun(ev) {
  ev.preventDefault();
  const form = ev.target;
  const body = {};
  for (const [k, v] of new FormData(form).entries()) {
    if (v.trim() !== '') body[k] = v.trim();
  }
  const error = document.getElementById('run-error');
  error.textContent = '';
  try {
    const run = await api('POST', '/api/runs', body);
    selectRun(run.id);
  } catch (e) {
    error.textContent = e.message;
  }
}

// ---------- plug-ins ----------

async function refreshPlugins() {
  const data = await api('GET', '/api/plugins');
  const blocks = Object.entries(data.plugins).map(([kind, list]) => el('div', { class: 'kind' },
    el('h3', {}, kind + ' (' + list.length + ')'),
    el('table', {}, el('tbody', {}, ...list.map(p => el('tr', { 'data-plugin': kind + ':' + p.name },
      el('td', {}, p.selected ? '*' : ''), el('td', {}, p.name), el('td', {}, p.bundle + ' ' + p.version + ' [' + p.bundleId + ']'),
      el('td', {}, (p.shadowedBy ? '(shadowed by ' + p.shadowedBy + ') ' : '') + p.description)))))));
  document.getElementById('plugins').replaceChildren(...blocks);
  document.getElementById('problems').replaceChildren(data.problems.length === 0 ? el('p', { class: 'hint' }, 'none')
    : el('ul', {}, ...data.problems.map(p => el('li', {}, p.bundle + ' ' + p.location + ': ' + p.reasons.join('; ')))));
}

// ---------- studies ----------

async function refreshStudies() {
  const data = await api('GET', '/api/studies');
  fill(document.querySelector('#studies-table tbody'), data.studies.map(s => el('tr', {
    class: 'selectable' + (s.name === selectedStudy ? ' selected' : ''), onclick: () => { selectedStudy = s.name; showStudy(); refreshStudies(); } },
    el('td', {}, s.name), el('td', {}, s.dataset || ''), el('td', {}, s.strategy || ''), el('td', {}, s.trials == null ? '' : s.trials),
    el('td', {}, s.problem ? 'damaged: ' + s.problem : s.best ? s.metric + ' ' + fmt(s.best.value) + ' (trial ' + s.best.number + ')' : '–'))));
  if (selectedStudy) showStudy();
}

async function showStudy() {
  const s = await api('GET', '/api/studies/' + encodeURIComponent(selectedStudy));
  document.getElementById('study-title').textContent = s.name + ': ' + s.metric + ' (' + s.direction + ')';
  chart(document.getElementById('study-chart'), [
    { name: s.metric, points: s.trials.map(t => [t.number, t.value]), dots: true },
    { name: 'best so far', points: s.trials.map(t => [t.number, t.bestSoFar]) }], 'trial');
  fill(document.querySelector('#leaderboard tbody'), s.leaderboard.map(t => el('tr', {},
    el('td', {}, t.number), el('td', {}, t.state), el('td', {}, fmt(t.value)), el('td', {}, t.epochs),
    el('td', {}, Object.entries(t.parameters).map(([k, v]) => k + '=' + (Array.isArray(v) ? JSON.stringify(v) : v)).join(' ')))));
}

// ---------- models ----------

async function refreshModels() {
  const data = await api('GET', '/api/models');
  fill(document.querySelector('#models-table tbody'), data.models.map(m => el('tr', {
    class: 'selectable' + (m.name === selectedModel ? ' selected' : ''), onclick: () => { selectedModel = m.name; showModel(); refreshModels(); } },
    el('td', {}, m.name), el('td', {}, m.problem ? 'unreadable' : m.task), el('td', {}, m.layers || ''), el('td', {}, (m.created || '').replace('T', ' ').slice(0, 19)))));
}

async function showModel() {
  const m = await api('GET', '/api/models/' + encodeURIComponent(selectedModel));
  document.getElementById('model-title').textContent = m.name + ' (' + m.task + ', ' + m.widths.join('-') + ')';
  fill(document.querySelector('#model-metrics tbody'), Object.entries(m.metrics).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, fmt(v)))));
  fill(document.querySelector('#model-provenance tbody'), Object.entries(m.provenance).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, v))));
  const row = {};
  m.columns.slice(0, 50).forEach(c => { row[c.name] = c.categories ? c.categories[0] : 0; });
  document.getElementById('predict-rows').value = JSON.stringify({ rows: [row] }, null, 1);
  document.querySelector('#predictions tbody').replaceChildren();
  document.getElementById('predict-error').textContent = '';
}

async function predict(ev) {
  ev.preventDefault();
  const error = document.getElementById('predict-error');
  error.textContent = '';
  try {
    const body = JSON.parse(document.getElementById('predict-rows').value);
    const out = await api('POST', '/api/models/' + encodeURIComponent(selectedModel) + '/predict', body);
    fill(document.querySelector('#predictions tbody'), out.predictions.map((p, i) => el('tr', {},
      el('td', {}, 'row ' + (i + 1)), el('td', {}, p.label != null ? p.label : fmt(p.value)),
      el('td', {}, p.probabilities ? Object.entries(p.probabilities).map(([c, q]) => c + ' ' + q.toFixed(3)).join('  ') : ''))));
  } catch (e) {
    error.textContent = e.message;
  }
}

// ---------- pages ----------

function every(ms, task) {
  const run = () => task().then(() => { document.getElementById('status').textContent = 'live'; },
    e => { document.getElementById('status').textContent = 'offline: ' + e.message; });
  run();
  timers.push(setInterval(run, ms));
}

function show() {
  const page = (location.hash || '#runs').slice(1);
  timers.splice(0).forEach(clearInterval);
  document.querySelectorAll('.page').forEach(p => p.classList.toggle('active', p.id === 'page-' + page));
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
  if (page === 'runs') every(1500, refreshRuns);
  if (page === 'plugins') every(2000, refreshPlugins);
  if (page === 'studies') every(5000, refreshStudies);
  if (page === 'models') every(5000, refreshModels);
}

document.getElementById('run-form').addEventListener('submit', startRun);
document.getElementById('predict-form').addEventListener('submit', predict);
window.addEventListener('hashchange', show);
show();
