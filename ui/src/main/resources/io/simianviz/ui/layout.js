// Where everything goes: a pure function of the architecture's structure (regions, zones, tiers,
// instance names, edges) and of which tiers are expanded, never of the traffic, so the layout does
// not move while figures change or instances are replaced.
//
// Regions are stacked boxes (the global tiers, the traffic sources, in a box of their own on top);
// in each region the tiers without a zone come first, then one lane per zone. Tiers stand in
// columns by their depth in the call graph (traffic sources left, stores right), so every call
// goes left to right. A tier appears once per zone where it has instances.

export const COLUMN = 330;
export const DOT = 14;
export const PER_ROW = 8;
export const COLLAPSED_H = 44;
const LANE_GAP = 34;
const REGION_GAP = 70;
const CELL_GAP = 26;

export const regionId = (r) => `r:${r}`;
export const zoneId = (r, z) => `z:${r}/${z}`;
export const copyId = (r, z, t) => `t:${r}/${z}/${t}`;
export const instanceId = (name) => `i:${name}`;

/** Text that changes exactly when the drawing's structure does. */
export function structureKey(snapshot, expanded) {
  const parts = [];
  for (const r of snapshot.regions) {
    for (const z of r.zones) {
      for (const t of z.tiers) {
        parts.push(`${r.name}/${z.name}/${t.name}:${t.instances.map((i) => i.name).join(',')}`);
      }
    }
  }
  parts.push(snapshot.edges.map((e) => `${e.from}>${e.to}`).join(','));
  parts.push([...expanded].sort().join(','));
  return parts.join('|');
}

/** Each tier's depth: the longest chain of calls from a tier nobody calls. */
export function depths(snapshot) {
  const callers = new Map(snapshot.tiers.map((t) => [t.name, []]));
  for (const e of snapshot.edges) {
    if (e.from !== e.to && callers.has(e.to)) callers.get(e.to).push(e.from);
  }
  const depth = new Map();
  const visiting = new Set();
  const of = (t) => {
    if (depth.has(t)) return depth.get(t);
    if (visiting.has(t)) return 0; // a cycle: validation refuses them, draw it anyway
    visiting.add(t);
    let d = 0;
    for (const c of callers.get(t) || []) d = Math.max(d, of(c) + 1);
    visiting.delete(t);
    depth.set(t, d);
    return d;
  };
  snapshot.tiers.forEach((t) => of(t.name));
  return depth;
}

/** Whether a tier's copy with n instances draws its instances (else a count). */
export function drawsInstances(tier, n, expanded, collapseAt) {
  return expanded.has(tier) ? true : n <= collapseAt && !expanded.has(`-${tier}`);
}

/**
 * The drawing: cytoscape elements (boxes, tier copies, instance dots with positions) and the tier
 * copies with their instance counts, for placing edges and notices.
 */
export function layout(snapshot, expanded, collapseAt) {
  const depth = depths(snapshot);
  const elements = [];
  const copies = [];
  let y = 0;
  // The global box (the traffic sources) on top, then the regions in order.
  const regions = [...snapshot.regions].sort((a, b) => (a.name === '*' ? -1 : b.name === '*' ? 1 : 0));
  for (const r of regions) {
    const global = r.name === '*';
    elements.push({ group: 'nodes', data: { id: regionId(r.name), label: global ? 'global' : r.name },
      classes: 'region' });
    // The zone-less tiers first, then each zone.
    const lanes = [...r.zones].sort((a, b) => (a.name === '*' ? -1 : b.name === '*' ? 1 : 0));
    for (const z of lanes) {
      const inZone = z.name !== '*';
      if (inZone) {
        elements.push({ group: 'nodes', data: { id: zoneId(r.name, z.name), label: z.name,
          parent: regionId(r.name) }, classes: 'zone' });
      }
      const columns = new Map();
      for (const t of z.tiers) {
        const d = depth.get(t.name) || 0;
        if (!columns.has(d)) columns.set(d, []);
        columns.get(d).push(t);
      }
      let laneHeight = 0;
      for (const [d, tiers] of columns) {
        let cy = y;
        for (const t of tiers) {
          const id = copyId(r.name, z.name, t.name);
          const n = t.instances.length;
          const draws = drawsInstances(t.name, n, expanded, collapseAt);
          const x = d * COLUMN;
          const copy = { id, region: r.name, zone: z.name, tier: t.name, n, draws, x, y: cy };
          copies.push(copy);
          const parent = inZone ? zoneId(r.name, z.name) : regionId(r.name);
          elements.push({ group: 'nodes', data: { id, parent, tier: t.name, label: t.name, n,
            region: r.name, zone: z.name }, classes: draws ? 'tier expanded' : 'tier collapsed',
            position: draws ? undefined : { x, y: cy + COLLAPSED_H / 2 } });
          let h = COLLAPSED_H;
          if (draws) {
            const rows = Math.max(1, Math.ceil(n / PER_ROW));
            t.instances.forEach((inst, k) => {
              elements.push({ group: 'nodes', data: { id: instanceId(inst.name), parent: id,
                label: '', name: inst.name, tier: t.name }, classes: `instance ${inst.state}`,
                position: { x: x - ((Math.min(n, PER_ROW) - 1) * DOT) / 2 + (k % PER_ROW) * DOT,
                  y: cy + 22 + Math.floor(k / PER_ROW) * DOT } });
            });
            h = 22 + rows * DOT + 8;
          }
          copy.height = h;
          cy += h + CELL_GAP;
        }
        laneHeight = Math.max(laneHeight, cy - y);
      }
      y += laneHeight + LANE_GAP;
    }
    y += REGION_GAP;
  }
  return { elements, copies };
}

/**
 * Each tier edge drawn between copies of its two tiers: from a copy in a zone to the callee's
 * copy in the same zone (callers prefer their own zone), else to every copy of the callee in the
 * region (every copy when the caller is global). The edge's requests per second are shared
 * between the drawn copies by the instances at both ends, so they add up to the tier edge's.
 */
export function edgeCopies(snapshot, copies) {
  const byTier = new Map();
  for (const c of copies) {
    if (!byTier.has(c.tier)) byTier.set(c.tier, []);
    byTier.get(c.tier).push(c);
  }
  const out = [];
  for (const e of snapshot.edges) {
    if (e.from === e.to) continue;
    const sources = byTier.get(e.from) || [];
    const targets = byTier.get(e.to) || [];
    const sourceTotal = sources.reduce((s, c) => s + c.n, 0);
    for (const s of sources) {
      let to = [];
      if (s.region !== '*') {
        const sameRegion = targets.filter((t) => t.region === s.region || t.region === '*');
        if (s.zone !== '*') to = sameRegion.filter((t) => t.zone === s.zone);
        if (to.length === 0) to = sameRegion;
      }
      if (to.length === 0) to = targets;
      const toTotal = to.reduce((sum, c) => sum + c.n, 0);
      for (const t of to) {
        const share = (s.n / sourceTotal) * (t.n / toTotal);
        out.push({ id: `e:${s.id}>${t.id}`, from: e.from, to: e.to, source: s.id, target: t.id,
          share });
      }
    }
  }
  return out;
}
