// The live view: one snapshot of the architecture per server-sent event, drawn with Cytoscape.js.
// The layout (layout.js) is computed when the structure changes, never because figures did; each
// update only changes data and classes.
import cytoscape from '/lib/cytoscape.mjs';
import { layout, edgeCopies, structureKey, instanceId } from '/ui/layout.js';

const params = new URLSearchParams(location.search);
const COLLAPSE_AT = Number(params.get('collapse') || 16);
const NOTICE_MS = 10000;
const $ = (id) => document.getElementById(id);

const cy = cytoscape({
  container: $('graph'),
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 3,
  autoungrabify: true,
  boxSelectionEnabled: false,
  style: [
    { selector: 'node', style: { 'font-size': 11, color: '#e6e6e6', 'text-wrap': 'wrap' } },
    { selector: '.region', style: { shape: 'round-rectangle', 'background-color': '#181c22',
      'border-color': '#3d4450', 'border-width': 1.5, label: 'data(label)', 'text-valign': 'top',
      'text-halign': 'center', 'font-size': 14, 'font-weight': 'bold', padding: 22 } },
    { selector: '.zone', style: { shape: 'round-rectangle', 'background-color': '#1c2129',
      'border-color': '#343b46', 'border-style': 'dashed', label: 'data(label)',
      'text-valign': 'top', 'text-halign': 'left', color: '#8a93a0', padding: 14 } },
    { selector: '.tier', style: { shape: 'round-rectangle', 'background-color': '#253041',
      'border-color': '#5b6b82', 'border-width': 1.5, label: 'data(label)', padding: 8 } },
    { selector: '.tier.collapsed', style: { width: 130, height: 44, 'text-valign': 'center',
      'text-halign': 'center' } },
    { selector: '.tier.expanded', style: { 'text-valign': 'top', 'text-halign': 'center' } },
    { selector: '.tier.warning', style: { 'border-color': '#d29922', 'border-width': 2.5 } },
    { selector: '.tier.danger', style: { 'border-color': '#f85149', 'border-width': 3 } },
    { selector: '.tier:selected', style: { 'overlay-color': '#8ab4f8', 'overlay-opacity': 0.15 } },
    { selector: '.instance', style: { width: 10, height: 10, 'border-width': 0,
      'background-color': '#3fb950' } },
    { selector: '.instance.starting', style: { 'background-color': '#8ab4f8' } },
    { selector: '.instance.killed', style: { 'background-color': '#f85149', shape: 'diamond',
      width: 12, height: 12 } },
    { selector: '.instance.isolated', style: { 'background-color': '#d29922' } },
    { selector: '.instance.draining', style: { 'background-color': '#a371f7' } },
    { selector: '.instance.replaced', style: { 'background-color': '#6e7681' } },
    { selector: '.instance.fresh', style: { 'border-width': 2, 'border-color': '#ffffff' } },
    { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'line-color': '#4f6d8f', 'target-arrow-color': '#4f6d8f', width: 'data(width)',
      label: 'data(label)', 'font-size': 10, color: '#c9d1d9', 'text-rotation': 'autorotate',
      'text-background-color': '#14171c', 'text-background-opacity': 0.85,
      'text-background-padding': 2, 'arrow-scale': 0.8 } },
    { selector: 'edge.warning', style: { 'line-color': '#d29922', 'target-arrow-color': '#d29922' } },
    { selector: 'edge.danger', style: { 'line-color': '#f85149', 'target-arrow-color': '#f85149' } },
    { selector: '.notice', style: { shape: 'round-rectangle', 'background-color': '#5a1d1d',
      'border-color': '#f85149', 'border-width': 1, label: 'data(label)', width: 'label',
      height: 18, padding: 4, 'font-size': 11, 'text-valign': 'center', 'text-halign': 'center',
      events: 'no' } },
    { selector: '.notice.replacement', style: { 'background-color': '#1d4428',
      'border-color': '#3fb950' } },
    { selector: '.notice.experiment, .notice.verdict, .notice.evolution, .notice.note',
      style: { 'background-color': '#2d2450', 'border-color': '#a371f7' } },
  ],
});

const state = {
  key: null, expanded: new Set(), copies: [], edges: [], snapshot: null, selected: null,
  updates: 0, lastSeq: 0, handling: { last: 0, max: 0, total: 0 },
};
window.simianviz = {
  cy,
  state,
  /** What is drawn, for tests and for curious users. */
  counts: () => ({
    updates: state.updates,
    tierNodes: cy.nodes('.tier').length,
    edges: cy.edges().length,
    instances: cy.nodes('.instance').length,
    killed: cy.nodes('.instance.killed').length,
    notices: cy.nodes('.notice').map((n) => n.data('label')),
  }),
  edgeRates: () => Object.fromEntries(cy.edges().map((e) => [e.id(), e.data('rps')])),
};

const fmt = (v, digits = 1) => (v >= 100 ? v.toFixed(0) : v.toFixed(digits));
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** A tier's class from the errors it served (its readiness is drawn per zone, below). */
function tierClass(t) {
  if (t.served.errorRate > 0.05) return 'danger';
  if (t.served.errorRate > 0.01) return 'warning';
  return '';
}

function rebuild(snapshot) {
  const { elements, copies } = layout(snapshot, state.expanded, COLLAPSE_AT);
  const edges = edgeCopies(snapshot, copies);
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    cy.add(edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source,
      target: e.target, label: '', width: 1, rps: 0 } })));
  });
  state.copies = copies;
  state.edges = edges;
  const first = state.key === null;
  state.key = structureKey(snapshot, state.expanded);
  if (first) cy.fit(undefined, 30);
}

function update(snapshot) {
  const t0 = performance.now();
  state.snapshot = snapshot;
  if (structureKey(snapshot, state.expanded) !== state.key) rebuild(snapshot);
  const tiers = new Map(snapshot.tiers.map((t) => [t.name, t]));
  const edgeFigures = new Map(snapshot.edges.map((e) => [`${e.from}>${e.to}`, e.figures]));
  const recent = snapshot.events.filter((e) => snapshot.atMs - e.atMs < NOTICE_MS);
  const fresh = new Set(recent.filter((e) => e.kind === 'replacement').flatMap((e) => e.instances));
  cy.batch(() => {
    // Instances: state classes.
    for (const r of snapshot.regions) {
      for (const z of r.zones) {
        for (const t of z.tiers) {
          const copy = cy.getElementById(`t:${r.name}/${z.name}/${t.name}`);
          const counts = {};
          for (const i of t.instances) {
            counts[i.state] = (counts[i.state] || 0) + 1;
            const dot = cy.getElementById(instanceId(i.name));
            if (dot.nonempty()) {
              dot.classes(`instance ${i.state}${fresh.has(i.name) ? ' fresh' : ''}`);
            }
          }
          const tier = tiers.get(t.name);
          const ready = counts.ready || 0;
          const down = t.instances.length - ready;
          const extra = Object.entries(counts).filter(([s]) => s !== 'ready')
            .map(([s, n]) => `${n} ${s}`).join(', ');
          copy.data('label', copy.hasClass('collapsed')
            ? `${t.name}\n${ready}/${t.instances.length} ready${extra ? `\n${extra}` : ''}`
            : `${t.name} ${ready}/${t.instances.length}`);
          copy.removeClass('warning danger');
          const c = tierClass(tier);
          if (c === 'danger' || down === t.instances.length) copy.addClass('danger');
          else if (c || down > 0) copy.addClass('warning');
        }
      }
    }
    // Edges: their share of the tier edge's figures.
    let max = 1;
    for (const e of state.edges) {
      const f = edgeFigures.get(`${e.from}>${e.to}`);
      if (f) max = Math.max(max, f.rps * e.share);
    }
    for (const e of state.edges) {
      const f = edgeFigures.get(`${e.from}>${e.to}`) || { rps: 0, errorRate: 0, p99Ms: 0 };
      const rps = f.rps * e.share;
      const edge = cy.getElementById(e.id);
      edge.data({
        rps,
        width: 1 + 5 * Math.sqrt(rps / max),
        label: rps > 0
          ? `${fmt(rps)}/s ${fmt(100 * f.errorRate, 2)}% p99 ${fmt(f.p99Ms)}ms` : '',
      });
      edge.removeClass('warning danger');
      if (f.errorRate > 0.05) edge.addClass('danger');
      else if (f.errorRate > 0.01) edge.addClass('warning');
    }
    notices(snapshot, recent);
  });
  events(snapshot);
  panel();
  const spent = performance.now() - t0;
  state.updates += 1;
  state.handling.last = spent;
  state.handling.max = Math.max(state.handling.max, spent);
  state.handling.total += spent;
  $('arch').textContent = snapshot.arch;
  $('clock').textContent = seconds(snapshot.atMs);
  const total = snapshot.tiers.reduce((s, t) => s + t.total, 0);
  const ready = snapshot.tiers.reduce((s, t) => s + t.ready, 0);
  $('status').textContent = `${ready}/${total} instances ready · figures over the last `
    + `${snapshot.windowS}s · update ${state.updates} handled in ${spent.toFixed(1)} ms`;
  document.body.dataset.updates = String(state.updates);
}

/** A label on the graph next to each tier an event of the last seconds is about. */
function notices(snapshot, recent) {
  const wanted = new Map();
  for (const e of recent) {
    if (!['kill', 'replacement', 'experiment', 'verdict', 'evolution'].includes(e.kind)) continue;
    const placed = new Set();
    for (const name of e.instances) {
      const copy = state.copies.find((c) => c.id === parentCopy(snapshot, name));
      if (!copy || placed.has(copy.id)) continue;
      placed.add(copy.id);
      wanted.set(`n:${e.seq}:${copy.id}`, { e, copy });
    }
  }
  cy.nodes('.notice').forEach((n) => { if (!wanted.has(n.id())) n.remove(); });
  const stacked = new Map();
  for (const [id, { e, copy }] of wanted) {
    const k = stacked.get(copy.id) || 0;
    stacked.set(copy.id, k + 1);
    if (cy.getElementById(id).nonempty()) continue;
    const short = e.text.replace(snapshot.arch + '.', '');
    cy.add({ group: 'nodes', data: { id, label: short }, classes: `notice ${e.kind}`,
      position: { x: copy.x + 60, y: copy.y - 14 - 22 * k } });
  }
}

function parentCopy(snapshot, instance) {
  for (const r of snapshot.regions) {
    for (const z of r.zones) {
      for (const t of z.tiers) {
        if (t.instances.some((i) => i.name === instance)) return `t:${r.name}/${z.name}/${t.name}`;
      }
    }
  }
  return null;
}

/** The side list, newest first; only new events are added. */
function events(snapshot) {
  const list = $('events');
  for (const e of snapshot.events) {
    if (e.seq <= state.lastSeq) continue;
    state.lastSeq = e.seq;
    const li = document.createElement('li');
    li.className = e.kind;
    li.dataset.seq = e.seq;
    const t = document.createElement('span');
    t.className = 't';
    t.textContent = seconds(e.atMs);
    li.append(t, `${e.kind}: ${e.text}`);
    list.prepend(li);
  }
  while (list.children.length > 200) list.lastChild.remove();
}

/** The selected tier's figures. */
function panel() {
  const snapshot = state.snapshot;
  const name = state.selected;
  const t = snapshot && name ? snapshot.tiers.find((x) => x.name === name) : null;
  $('panel').hidden = !t;
  if (!t) return;
  $('panel-title').textContent = `${t.name} (${t.package})`;
  const f = t.served;
  const rows = [
    ['instances ready', `${t.ready} / ${t.total}`],
    [t.package === 'denominator' ? 'requests sent/s' : 'requests/s', fmt(f.rps)],
    ['success', `${(100 * (1 - f.errorRate)).toFixed(2)}%`],
    ['p50', `${fmt(f.p50Ms, 2)} ms`],
    ['p99', `${fmt(f.p99Ms, 2)} ms`],
  ];
  $('panel-table').replaceChildren(...rows.map(([k, v]) => {
    const tr = document.createElement('tr');
    const a = document.createElement('td');
    const b = document.createElement('td');
    a.textContent = k;
    b.textContent = v;
    tr.append(a, b);
    return tr;
  }));
  const notReady = [];
  for (const r of snapshot.regions) for (const z of r.zones) for (const x of z.tiers) {
    if (x.name !== name) continue;
    for (const i of x.instances) if (i.state !== 'ready') notReady.push(`${i.name}: ${i.state}`);
  }
  $('panel-instances').replaceChildren(...notReady.map((s) => {
    const li = document.createElement('li');
    li.textContent = s;
    return li;
  }));
}

// A click on a tier shows its panel and expands (or collapses) its instances.
cy.on('tap', 'node.tier, node.instance', (evt) => {
  const tier = evt.target.data('tier');
  state.selected = tier;
  const copy = state.copies.find((c) => c.tier === tier);
  if (copy) {
    if (copy.draws) {
      state.expanded.delete(tier);
      state.expanded.add(`-${tier}`);
    } else {
      state.expanded.delete(`-${tier}`);
      state.expanded.add(tier);
    }
  }
  if (state.snapshot) update(state.snapshot);
});
cy.on('tap', (evt) => {
  if (evt.target === cy) {
    state.selected = null;
    panel();
  }
});

function connect() {
  const source = new EventSource('/live/events');
  source.addEventListener('snapshot', (m) => update(JSON.parse(m.data)));
  source.onopen = () => { $('status').textContent = 'connected'; };
  source.onerror = () => { $('status').textContent = 'disconnected, retrying…'; };
}
connect();
