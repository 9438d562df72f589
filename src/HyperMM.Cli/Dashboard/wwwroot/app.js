// HyperMM live dashboard: listens to /events (server-sent events, one JSON state per change of the journal)
// and redraws the table, the per-strategy charts (canvas, no library) and the error list.
'use strict';

const fmtTime = t => new Date(t).toISOString().substring(11, 19);
const num = (v, digits) => (v === null || v === undefined) ? '–' : (digits === undefined ? String(v) : Number(v).toFixed(digits));
const signed = (v, digits) => `<span class="${v > 0 ? 'pos' : v < 0 ? 'neg' : ''}">${num(v, digits)}</span>`;
const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function row(s) {
  return `<td>${esc(s.name)}</td><td>${esc(s.coin)}</td><td class="mode-${esc(s.mode)}">${esc(s.mode)}</td>` +
    `<td>${num(s.mid)}</td><td>${num(s.bid)}</td><td>${num(s.ask)}</td><td>${num(s.spreadBps, 1)}</td>` +
    `<td>${num(s.position)} / ${num(s.cap)}</td><td class="fills">${s.fillCount}</td><td>${num(s.volume, 2)}</td>` +
    `<td>${signed(s.spreadCapture, 4)}</td><td>${signed(s.inventoryPnl, 4)}</td><td>${num(s.fees, 4)}</td><td class="pnl">${signed(s.pnl, 4)}</td>` +
    `<td>${s.markout10sBps === null ? 'n/a' : num(s.markout10sBps, 2)}</td><td>${s.staleMidFills} / ${s.invalidBooks}</td>` +
    `<td>${s.requests}</td><td class="err">${esc(s.lastError || '')}</td>`;
}

function card(name) {
  const el = document.createElement('section');
  el.className = 'card';
  el.dataset.strategy = name;
  el.innerHTML = `<h2>${esc(name)}</h2><canvas class="price"></canvas><canvas class="inventory"></canvas>` +
    `<canvas class="pnl"></canvas><ol class="recent-fills"></ol>`;
  return el;
}

// Draws series [{label, color, points: [[t, v, part]], step, marker: 'B'|'A'|undefined, dash}] with autoscaled axes.
// A line is not drawn from a point of one part (journal run) to a point of the next: gaps between runs stay gaps.
function chart(canvas, title, series) {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  g.font = '11px "DejaVu Sans", sans-serif';
  g.fillStyle = '#1d2329';
  g.fillText(title, 4, 12);
  const all = series.flatMap(s => s.points);
  if (all.length === 0) {
    g.fillStyle = '#889';
    g.fillText('no data yet', w / 2 - 30, h / 2);
    return;
  }
  const left = 72, right = 8, top = 20, bottom = 18;
  let t0 = Math.min(...all.map(p => p[0])), t1 = Math.max(...all.map(p => p[0]));
  let v0 = Math.min(...all.map(p => p[1])), v1 = Math.max(...all.map(p => p[1]));
  if (t1 === t0) { t0 -= 1000; t1 += 1000; }
  if (v1 === v0) { const pad = Math.abs(v0) * 0.001 || 1; v0 -= pad; v1 += pad; }
  const x = t => left + (t - t0) / (t1 - t0) * (w - left - right);
  const y = v => top + (1 - (v - v0) / (v1 - v0)) * (h - top - bottom);
  g.strokeStyle = '#e3e6ea';
  g.fillStyle = '#667';
  for (let i = 0; i <= 4; i++) {
    const v = v0 + (v1 - v0) * i / 4, yy = y(v);
    g.beginPath(); g.moveTo(left, yy); g.lineTo(w - right, yy); g.stroke();
    g.fillText(Number(v.toPrecision(7)).toString(), 4, yy + 4);
  }
  g.fillText(fmtTime(t0), left, h - 4);
  g.fillText(fmtTime(t1), w - right - 52, h - 4);
  let legend = left + 150;
  for (const s of series) {
    g.strokeStyle = s.color;
    g.fillStyle = s.color;
    if (s.marker) {
      for (const [t, v] of s.points) {
        const xx = x(t), yy = y(v), d = s.marker === 'B' ? 1 : -1;
        g.beginPath(); g.moveTo(xx, yy - 5 * d); g.lineTo(xx - 5, yy + 4 * d); g.lineTo(xx + 5, yy + 4 * d); g.closePath(); g.fill();
      }
    } else if (s.points.length > 0) {
      g.lineWidth = 1.5;
      g.setLineDash(s.dash ? [4, 3] : []);
      g.beginPath();
      s.points.forEach(([t, v, part], i) => {
        if (i === 0 || part !== s.points[i - 1][2]) { g.moveTo(x(t), y(v)); return; }
        if (s.step) g.lineTo(x(t), y(s.points[i - 1][1]));
        g.lineTo(x(t), y(v));
      });
      g.stroke();
      g.setLineDash([]);
    }
    g.fillText(s.label, legend, 12);
    legend += g.measureText(s.label).width + 14;
  }
}

function drawCard(el, s) {
  const q = s.quotes;
  chart(el.querySelector('canvas.price'), `${s.coin} mid, our bid/ask, fills`, [
    { label: 'mid', color: '#1d2329', points: q.map(p => [p.t, p.mid, p.p]) },
    { label: 'bid', color: '#2e8b57', step: true, points: q.map(p => [p.t, p.bid, p.p]) },
    { label: 'ask', color: '#b22222', step: true, points: q.map(p => [p.t, p.ask, p.p]) },
    { label: '▲ buy', color: '#0a7d20', marker: 'B', points: s.fills.filter(f => f.side === 'B').map(f => [f.t, f.px]) },
    { label: '▼ sell', color: '#c00', marker: 'A', points: s.fills.filter(f => f.side === 'A').map(f => [f.t, f.px]) },
  ]);
  const inv = s.inventory;
  const span = inv.length > 0 ? [inv[0].t, inv[inv.length - 1].t] : [];
  chart(el.querySelector('canvas.inventory'), 'inventory vs cap', [
    { label: 'position', color: '#1f3c88', step: true, points: inv.map(p => [p.t, p.v, p.p]) },
    { label: '±cap', color: '#999', dash: true, points: span.map(t => [t, s.cap]) },
    { label: '', color: '#999', dash: true, points: span.map(t => [t, -s.cap]) },
  ]);
  chart(el.querySelector('canvas.pnl'), 'total PnL (spread capture + inventory − fees)', [
    { label: 'PnL', color: '#6a1b9a', step: true, points: s.pnlSeries.map(p => [p.t, p.v, p.p]) },
  ]);
  el.querySelector('ol.recent-fills').innerHTML = s.fills.slice(-8).reverse().map(f =>
    `<li class="${f.side}" data-tid="${f.tid}">${fmtTime(f.t)} ${f.side === 'B' ? 'BUY ' : 'SELL'} ${num(f.sz)} @ ${num(f.px)}</li>`).join('');
}

let last = null;

function render(state) {
  last = state;
  document.getElementById('journal').textContent = state.journal;
  document.getElementById('run').textContent = state.run ? `showing ${state.run}` : '';
  const problem = document.getElementById('problem');
  problem.hidden = !state.problem;
  problem.textContent = state.problem || '';
  const body = document.querySelector('#strategies tbody');
  const cards = document.getElementById('cards');
  const names = state.strategies.map(s => s.name);
  for (const tr of [...body.children]) if (!names.includes(tr.dataset.strategy)) tr.remove();
  for (const el of [...cards.children]) if (!names.includes(el.dataset.strategy)) el.remove();
  let newest = 0;
  for (const s of state.strategies) {
    let tr = body.querySelector(`tr[data-strategy="${CSS.escape(s.name)}"]`);
    if (!tr) { tr = document.createElement('tr'); tr.dataset.strategy = s.name; body.appendChild(tr); }
    tr.innerHTML = row(s);
    let el = cards.querySelector(`section[data-strategy="${CSS.escape(s.name)}"]`);
    if (!el) { el = card(s.name); cards.appendChild(el); }
    drawCard(el, s);
    newest = Math.max(newest, s.updatedMs || 0);
  }
  document.getElementById('updated').textContent = newest ? `data to ${new Date(newest).toISOString().replace('T', ' ').substring(0, 19)} UTC` : '';
  document.getElementById('errors').innerHTML = state.errors.length === 0 ? '<li class="none">none</li>' :
    state.errors.map(e => `<li>${fmtTime(e.t)} <b>${esc(e.strategy)}</b> ${esc(e.source)}: ${esc(e.message)}</li>`).join('');
}

function connect() {
  const status = document.getElementById('status');
  const events = new EventSource('events');
  events.onopen = () => { status.textContent = 'live'; status.className = 'status on'; };
  events.onmessage = e => render(JSON.parse(e.data));
  events.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'status off'; };
}

window.addEventListener('resize', () => { if (last) render(last); });
connect();
