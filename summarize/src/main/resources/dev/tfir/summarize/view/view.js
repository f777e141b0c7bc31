// tfir graph view: folded name scopes, laid out by dagre, only what is open.
(function () {
  'use strict';
  const G = GRAPH;
  const N = G.names.length;
  const S = G.scopes.length;
  const MAX_ITEMS = 1500; // what dagre lays out at once within a second or so
  const SVG = 'http://www.w3.org/2000/svg';
  const open = new Set([0]);
  const total = new Int32Array(S); // nodes under each scope
  const marks = new Int32Array(S); // inputs (1) and outputs (2) under each scope
  for (let n = 0; n < N; n++) {
    for (let s = G.scope[n]; s >= 0; s = G.scopeParents[s]) {
      total[s]++;
      marks[s] |= G.flags[n];
    }
  }
  let rep = null; // per scope: the folded scope that stands for it, or -1 when it and its ancestors are open
  let hits = new Set();
  let hitItems = new Map(); // per shown box: how many hits it holds
  let selected = null;
  let details = null; // parsed on the first click: the biggest part of the page's data
  const detailsOf = n => {
    if (!details) details = JSON.parse(document.getElementById('details-data').textContent);
    return details[n];
  };

  const fullName = n => G.scopes[G.scope[n]] + G.names[n];
  const shortScope = s => { const name = G.scopes[s].slice(0, -1); return name.slice(name.lastIndexOf('/') + 1); };

  function computeRep() {
    rep = new Int32Array(S);
    rep[0] = -1;
    for (let s = 1; s < S; s++) { // parents come before their children
      const p = rep[G.scopeParents[s]];
      rep[s] = p >= 0 ? p : (open.has(s) ? -1 : s);
    }
  }
  const itemOf = n => { const r = rep[G.scope[n]]; return r >= 0 ? 's' + r : 'n' + n; };

  function visibleItems() {
    const items = [];
    for (let s = 1; s < S; s++) {
      if (rep[s] === s) items.push('s' + s);
    }
    for (let n = 0; n < N; n++) {
      if (rep[G.scope[n]] < 0) items.push('n' + n);
    }
    return items;
  }

  function message(text) { document.getElementById('message').textContent = text; }

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function label(item) {
    const i = +item.slice(1);
    if (item[0] === 's') {
      const m = (marks[i] & 1 ? ' [in]' : '') + (marks[i] & 2 ? ' [out]' : '');
      const found = hitItems.has(item) ? ' - ' + hitItems.get(item) + ' hits' : '';
      return [shortScope(i) + '/', total[i] + ' nodes' + m + found];
    }
    return [G.names[i], G.ops[G.op[i]]];
  }

  function render() {
    const started = performance.now();
    computeRep();
    const items = visibleItems();
    hitItems = new Map();
    for (const n of hits) {
      const item = itemOf(n);
      hitItems.set(item, (hitItems.get(item) || 0) + 1);
    }
    const g = new dagre.graphlib.Graph({compound: true});
    g.setGraph({rankdir: 'TB', nodesep: 16, ranksep: 28, marginx: 10, marginy: 10});
    g.setDefaultEdgeLabel(() => ({}));
    for (const s of open) {
      if (s !== 0 && rep[s] === -1) {
        g.setNode('c' + s, {});
        if (G.scopeParents[s] !== 0) g.setParent('c' + s, 'c' + G.scopeParents[s]);
      }
    }
    for (const item of items) {
      const text = label(item);
      g.setNode(item, {width: 7 * Math.max(text[0].length, text[1].length) + 16, height: 34});
      const i = +item.slice(1);
      const parent = item[0] === 's' ? G.scopeParents[i] : G.scope[i];
      if (parent !== 0) g.setParent(item, 'c' + parent);
    }
    const counts = new Map();
    for (let k = 0; k < G.edges.length; k += 2) {
      const a = itemOf(G.edges[k]);
      const b = itemOf(G.edges[k + 1]);
      if (a !== b) counts.set(a + '>' + b, (counts.get(a + '>' + b) || 0) + 1);
    }
    for (const key of counts.keys()) {
      const [a, b] = key.split('>');
      g.setEdge(a, b);
    }
    dagre.layout(g);
    draw(g, items, counts);
    const ms = performance.now() - started;
    document.body.dataset.items = items.length;
    document.body.dataset.layoutMs = ms.toFixed(0);
    if (!document.body.dataset.firstDrawMs) document.body.dataset.firstDrawMs = performance.now().toFixed(0);
  }

  function draw(g, items, counts) {
    const size = g.graph();
    const canvas = document.getElementById('canvas');
    canvas.textContent = '';
    const svg = el('svg', {width: Math.max(size.width, 100), height: Math.max(size.height, 100), id: 'graph'}, canvas);
    for (const s of open) {
      if (s === 0 || rep[s] !== -1) continue;
      const c = g.node('c' + s);
      const group = el('g', {class: 'cluster', 'data-scope': G.scopes[s]}, svg);
      el('rect', {x: c.x - c.width / 2, y: c.y - c.height / 2, width: c.width, height: c.height, rx: 4}, group);
      const fold = el('rect', {x: c.x - c.width / 2, y: c.y - c.height / 2, width: c.width, height: 14,
        class: 'fold'}, group);
      el('text', {x: c.x - c.width / 2 + 4, y: c.y - c.height / 2 + 11, class: 'label'}, group).textContent =
        G.scopes[s] + ' (click to fold)';
      fold.addEventListener('click', () => {
        open.delete(s);
        render();
      });
    }
    for (const [key, count] of counts) {
      const [a, b] = key.split('>');
      const points = g.edge(a, b).points;
      el('polyline', {class: 'edge', points: points.map(p => p.x + ',' + p.y).join(' '),
        'marker-end': 'url(#arrow)'}, svg);
      if (count > 1) {
        const mid = points[Math.floor(points.length / 2)];
        el('text', {x: mid.x + 3, y: mid.y, class: 'count'}, svg).textContent = count;
      }
    }
    const defs = el('defs', {}, svg);
    const marker = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6,
      markerHeight: 6, orient: 'auto'}, defs);
    el('path', {d: 'M 0 0 L 10 5 L 0 10 z', fill: '#789'}, marker);
    for (const item of items) {
      const box = g.node(item);
      const i = +item.slice(1);
      const flags = item[0] === 's' ? marks[i] : G.flags[i];
      const classes = ['item', item[0] === 's' ? 'scope' : 'node'];
      if (flags & 1) classes.push('input');
      if (flags & 2) classes.push('output');
      if (hitItems.has(item)) classes.push('hit');
      if (item === selected) classes.push('selected');
      const group = el('g', {class: classes.join(' '), 'data-id': item,
        'data-name': item[0] === 's' ? G.scopes[i] : fullName(i)}, svg);
      el('rect', {x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height,
        rx: item[0] === 's' ? 2 : 8}, group);
      const text = label(item);
      el('text', {x: box.x - box.width / 2 + 8, y: box.y - 3}, group).textContent = text[0];
      el('text', {x: box.x - box.width / 2 + 8, y: box.y + 12, class: 'op'}, group).textContent = text[1];
      group.addEventListener('click', () => (item[0] === 's' ? openScope(i) : select(item)));
    }
  }

  function openScope(s) {
    open.add(s);
    computeRep();
    const count = visibleItems().length;
    if (count > MAX_ITEMS) {
      open.delete(s);
      message(G.scopes[s] + ' holds ' + total[s] + ' nodes: opened, ' + count + ' boxes would show, more than '
        + MAX_ITEMS + ' laid out at once; fold another scope, or search for the nodes you want');
      return;
    }
    message('');
    render();
  }

  function select(item) {
    selected = item;
    document.getElementById('details').textContent = detailsOf(+item.slice(1));
    render();
    const shown = document.querySelector('[data-id="' + item + '"]');
    if (shown && shown.scrollIntoView) shown.scrollIntoView({block: 'center', inline: 'center'});
  }

  function reveal(n) {
    for (let s = G.scope[n]; s > 0; s = G.scopeParents[s]) open.add(s);
    select('n' + n);
  }

  function search(query) {
    hits = new Set();
    const list = document.getElementById('hits');
    list.textContent = '';
    const q = query.trim().toLowerCase();
    if (q) {
      for (let n = 0; n < N; n++) {
        if (fullName(n).toLowerCase().includes(q) || G.ops[G.op[n]].toLowerCase() === q) hits.add(n);
      }
      let shown = 0;
      for (const n of hits) {
        if (shown++ === 200) break;
        const li = document.createElement('li');
        li.textContent = fullName(n) + ' (' + G.ops[G.op[n]] + ')';
        li.addEventListener('click', () => reveal(n));
        list.appendChild(li);
      }
    }
    document.getElementById('summary').textContent = N + ' nodes' + (q ? ', ' + hits.size + ' hits' : '');
    render();
  }

  document.getElementById('search').addEventListener('input', e => search(e.target.value));
  if (OPEN) {
    for (let s = G.scopes.indexOf(OPEN.endsWith('/') ? OPEN : OPEN + '/'); s > 0; s = G.scopeParents[s]) open.add(s);
  }
  document.getElementById('summary').textContent = N + ' nodes';
  render();
})();
