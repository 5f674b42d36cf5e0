// The view's network: three pictures of one vis-network. The first screen ("skeleton") draws
// districts and bodies on cards laid out in Python; "whole" draws the network at the positions
// computed in Python; a pick ("focus") draws one neighbourhood in rings around the picked node.
// Click a node: its details in the panel; double-click: its neighbourhood; hover: a short
// tooltip (a DOM element made with textContent, never HTML).
var FONT = 14;
var SATELLITE = { slogan: true, project: true };   // drawn apart, labels shortened
var mode = "skeleton", focus = null, centre = null;
var byId = {};
data.nodes.forEach(function (n) { byId[n.id] = n; });

function tipOf(lines) {
  var box = el("div", null, "tip");
  lines.forEach(function (line, k) { box.appendChild(el("div", line, k === 0 ? "tip-title" : "tip-line")); });
  return box;
}
function countText(n, zh, en) { return n + " " + zh + " " + en; }
function tooltip(n) {
  var i = +n.id.slice(1), lines = [n.label, KIND_NAMES[n.kind]];
  if (n.kind === "person") lines.push(countText((tenuresOfPerson[i] || []).length, "个职务", "posts"));
  else if (n.kind === "post") lines.push(countText((tenuresOfPost[i] || []).length, "任", "holders"));
  else if (n.kind === "district") lines.push(countText((orgsOfDistrict[i] || []).length, "个机构", "bodies") + " · "
    + countText((figuresOfDistrict[i] || []).length, "项数据", "figures"));
  else if (n.kind === "organization") lines.push(districtName(T.orgs[i].district) + " · " + countText((postsOfOrg[i] || []).length, "个职务", "posts"));
  else if (n.kind === "slogan") lines.push(countText((usesOfSlogan[i] || []).length, "次使用", "uses"));
  else if (n.kind === "project") lines.push(districtName(T.projects[i].district));
  lines.push("click: details 单击详情 · double-click: focus 双击聚焦");
  return tipOf(lines);
}

function shortLabel(n) { return SATELLITE[n.kind] && n.label.length > 12 ? n.label.slice(0, 11) + "…" : n.label; }
var nodes = new vis.DataSet(data.nodes.map(function (n) {
  return Object.assign({}, n, { label: shortLabel(n), title: tooltip(n), font: { size: FONT } });
}));
var edges = new vis.DataSet(data.edges.map(function (e, i) {
  return Object.assign({}, e, { id: i, title: e.title ? tipOf(e.title.split("\n")) : undefined });
}));
var skeleton = new Set();
data.cards.forEach(function (c) { c.nodes.forEach(function (m) { skeleton.add(m[0]); }); });
var whole = new Set(data.nodes.filter(function (n) { return data.overviewKinds.indexOf(n.kind) >= 0; }).map(function (n) { return n.id; }));
function shown(id) { return mode === "focus" ? focus.has(id) : mode === "whole" ? whole.has(id) : skeleton.has(id); }
var nodeView = new vis.DataView(nodes, { filter: function (n) { return shown(n.id); } });
// On the first screen the cards show which bodies belong to a district: no edges.
// In a neighbourhood with many slogans and projects, their block shows whose they are: no fan of edges.
var manySatellites = false;
function edgeShown(e) {
  if (mode === "skeleton" || !shown(e.from) || !shown(e.to)) return false;
  var outer = function (id) { return id !== centre && SATELLITE[byId[id].kind]; };
  return !(manySatellites && (outer(e.from) || outer(e.to)));
}
var edgeView = new vis.DataView(edges, { filter: edgeShown });
var options = JSON.parse(document.getElementById("vis-options").textContent);
var network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, options);
window.cadregraph = { network: network, data: data, ready: false };

// The first screen's cards packed in rows, as wide as fits the canvas best.
var CARD_GAP = 28, placedCards = [];
var room = {};   // per drawn node: how many times FONT its label may grow before it meets another
var cardRoom = {};   // the same within its card, from Python (which knows the card's geometry)
function shelves(order, rowWidth) {
  var x = 0, y = 0, rowHeight = 0, width = 0, places = [];
  order.forEach(function (i) {
    var c = data.cards[i];
    if (x > 0 && x + c.w > rowWidth) { x = 0; y += rowHeight + CARD_GAP; rowHeight = 0; }
    places.push({ i: i, x: x, y: y });
    x += c.w + CARD_GAP; rowHeight = Math.max(rowHeight, c.h); width = Math.max(width, x - CARD_GAP);
  });
  return { places: places, width: width, height: y + rowHeight };
}
function packCards() {
  var box = document.getElementById("network"), cw = Math.max(1, box.clientWidth), ch = Math.max(1, box.clientHeight);
  // next-fit by decreasing height: rows of cards of about one height waste the least room; among
  // cards of one height the division-code order stays
  var order = data.cards.map(function (c, i) { return i; }).sort(function (a, b) { return data.cards[b].h - data.cards[a].h || a - b; });
  var widest = 0, total = 0, best = null, pos = {};
  data.cards.forEach(function (c) { widest = Math.max(widest, c.w); total += c.w + CARD_GAP; });
  // the row width that lets the picture be drawn largest on this canvas
  for (var k = 0; k <= 32; k++) {
    var tried = shelves(order, widest + (total - widest) * Math.pow(k / 32, 2));
    tried.scale = Math.min(cw / tried.width, ch / tried.height);
    if (!best || tried.scale > best.scale) best = tried;
  }
  placedCards = best.places.map(function (p) {
    var c = data.cards[p.i];
    c.nodes.forEach(function (m) { pos[m[0]] = { x: p.x + m[1], y: p.y + m[2] }; cardRoom[m[0]] = m[3]; });
    return { x: p.x, y: p.y, w: c.w, h: c.h, caption: c.caption };
  });
  return pos;
}
network.on("beforeDrawing", function (ctx) {
  if (mode !== "skeleton") return;
  placedCards.forEach(function (c) {
    ctx.fillStyle = "#f1f6f1"; ctx.strokeStyle = "#cfdccf"; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.rect(c.x, c.y, c.w, c.h); ctx.fill(); ctx.stroke();
    if (c.caption) { ctx.fillStyle = "#555"; ctx.font = "bold 18px sans-serif"; ctx.textAlign = "center"; ctx.fillText(c.caption, c.x + c.w / 2, c.y + 32); }
  });
});

function labelWidth(text) {
  var w = 0;
  for (var k = 0; k < text.length; k++) w += text.charCodeAt(k) >= 0x2E80 ? 1 : 0.6;
  return w * FONT;
}
// The picked node in the middle and the people, posts, bodies and districts around it as a
// radial tree (each node in the middle of its parent's sector, rings far enough apart for the
// labels); slogans and projects — often dozens — in a block of rows beneath, where their long
// labels can be read. A node reached from nowhere goes on an outer ring of its own.
function ringLayout(centreId, ids) {
  var set = new Set(ids), adj = {}, depth = {}, children = {}, queue = [centreId], angle = {}, pos = {};
  var apart = function (id) { return id !== centreId && SATELLITE[byId[id].kind]; };
  var order = function (a, b) { return cmp(byId[a].kind, byId[b].kind) || cmp(byId[a].label, byId[b].label) || cmp(a, b); };
  ids.forEach(function (id) { adj[id] = []; children[id] = []; });
  data.edges.forEach(function (e) { if (set.has(e.from) && set.has(e.to)) { adj[e.from].push(e.to); adj[e.to].push(e.from); } });
  depth[centreId] = 0;
  while (queue.length) {
    var id = queue.shift();
    adj[id].sort(order).forEach(function (m) {
      if (depth[m] === undefined && !apart(m)) { depth[m] = depth[id] + 1; children[id].push(m); queue.push(m); }
    });
  }
  var leaves = {};
  function countLeaves(n) { leaves[n] = children[n].length ? children[n].reduce(function (s, c) { return s + countLeaves(c); }, 0) : 1; return leaves[n]; }
  function sector(n, a0, a1) {
    angle[n] = (a0 + a1) / 2;
    var a = a0;
    children[n].forEach(function (c) { var w = (a1 - a0) * leaves[c] / leaves[n]; sector(c, a, a + w); a += w; });
  }
  countLeaves(centreId);
  sector(centreId, -Math.PI, Math.PI);
  var rings = [], lost = ids.filter(function (id) { return !apart(id) && depth[id] === undefined; }).sort(order);
  ids.forEach(function (id) { if (depth[id] !== undefined) (rings[depth[id]] = rings[depth[id]] || []).push(id); });
  if (lost.length) {
    lost.forEach(function (id, k) { angle[id] = -Math.PI + 2 * Math.PI * (k + 0.5) / lost.length; });
    rings.push(lost);
  }
  pos[centreId] = { x: 0, y: 0 };
  var radius = 0;
  for (var d = 1; d < rings.length; d++) {
    var ring = (rings[d] || []).sort(function (a, b) { return angle[a] - angle[b]; }), need = 0;
    ring.forEach(function (id, k) {
      var next = ring[(k + 1) % ring.length], gap = ring.length > 1 ? (angle[next] - angle[id] + 2 * Math.PI) % (2 * Math.PI) : 2 * Math.PI;
      var width = (Math.min(labelWidth(byId[id].label), 220) + Math.min(labelWidth(byId[next].label), 220)) / 2 + 24;
      need = Math.max(need, width / Math.max(gap, 1e-3));
    });
    radius = Math.max(radius + (d === 1 ? 140 : 110), Math.min(need, radius + 900));
    ring.forEach(function (id) { pos[id] = { x: Math.round(radius * Math.cos(angle[id])), y: Math.round(radius * Math.sin(angle[id])) }; });
  }
  var satellites = ids.filter(apart).sort(order);
  var cellW = 200, cellH = 56, columns = Math.max(1, Math.min(satellites.length, Math.ceil(Math.sqrt(satellites.length * cellH * 1.8 / cellW))));
  var top = radius + 90, left = -cellW * (columns - 1) / 2;
  satellites.forEach(function (id, k) {
    pos[id] = { x: Math.round(left + cellW * (k % columns)), y: Math.round(top + cellH * Math.floor(k / columns)) };
  });
  return pos;
}

// How many times FONT each node's label can be drawn before it meets another node's: for two
// label boxes to stay apart at scale f, f·(w1+w2)/2 ≤ |dx| or f·(h1+h2)/2 ≤ |dy|.
function labelRoom(ids, pos) {
  var box = ids.map(function (id) {
    var n = byId[id], below = n.shape === "dot" || n.shape === "diamond" || n.shape === "triangle" || n.shape === "star";
    return { id: id, x: pos[id].x, y: pos[id].y + (below ? 14 : 0), w: Math.min(nodeLabel(n).width, 220) + 22, h: below ? 34 : 24 };
  });
  var out = {};
  box.forEach(function (a) { out[a.id] = 4; });
  for (var i = 0; i < box.length; i++) {
    for (var j = i + 1; j < box.length; j++) {
      var a = box[i], b = box[j];
      var f = Math.max(2 * Math.abs(a.x - b.x) / (a.w + b.w), 2 * Math.abs(a.y - b.y) / (a.h + b.h));
      if (f < out[a.id]) out[a.id] = f;
      if (f < out[b.id]) out[b.id] = f;
    }
  }
  return out;
}
function nodeLabel(n) { return { width: labelWidth(n.kind === "district" && mode === "skeleton" ? n.label : shortLabel(n)) }; }

// Labels legible at the fitted zoom: when the picture is zoomed out, each label grows to stay
// about FONT pixels on screen, as far as its room allows (the layout knows where labels would
// meet); the others are read by zooming in.
function fitAndScaleLabels() {
  network.fit({ animation: false });
  if (network.getScale() > 1.4) network.moveTo({ scale: 1.4, animation: false });
  var wanted = 1 / network.getScale();
  nodes.update(nodeView.getIds().map(function (id) {
    var factor = Math.max(1, Math.min(wanted, room[id] || 1));
    return { id: id, font: { size: Math.min(64, Math.round(FONT * factor)) } };
  }));
}

function draw(newMode, ids, centreId) {
  mode = newMode; centre = centreId || null;
  focus = newMode === "focus" ? new Set(ids.filter(function (id) { return byId[id] !== undefined; })) : null;
  manySatellites = newMode === "focus" && ids.filter(function (id) { return byId[id] && SATELLITE[byId[id].kind] && id !== centreId; }).length > 8;
  var pos = newMode === "focus" ? ringLayout(centreId, Array.from(focus)) : newMode === "skeleton" ? packCards() : null;
  var drawn = data.nodes.filter(function (n) { return shown(n.id); });
  nodes.update(drawn.map(function (n) {
    var p = pos ? pos[n.id] : n;
    return { id: n.id, x: p.x, y: p.y };
  }));
  room = pos ? labelRoom(drawn.map(function (n) { return n.id; }), pos) : {};
  if (newMode === "skeleton") Object.keys(room).forEach(function (id) { room[id] = Math.min(room[id], cardRoom[id] || 1); });
  nodeView.refresh(); edgeView.refresh();
  fitAndScaleLabels();
  if (centreId) network.selectNodes([centreId]); else network.unselectAll();
  document.getElementById("mode-note").textContent = newMode === "focus"
    ? focus.size + " nodes around " + byId[centreId].label
      + (hiddenSatellites ? " (" + hiddenSatellites + " more slogans and projects in the panel)" : "") + ". 已聚焦；点“总览”返回。"
    : newMode === "whole" ? data.overviewKinds.join(", ") + ": " + nodeView.length + " nodes."
    : "Districts and bodies 区县与机构: " + nodeView.length + " of " + data.nodes.length + " nodes.";
}
// The first screen follows the window's shape.
var resizeTimer = null;
window.addEventListener("resize", function () {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(function () { if (mode === "skeleton") draw("skeleton"); else fitAndScaleLabels(); }, 200);
});

var SELECTS = ["person", "post", "district"];
function syncSelects(kind, index) {
  SELECTS.forEach(function (k) { document.getElementById(k + "-select").value = k === kind ? String(index) : ""; });
}
// A neighbourhood draws at most SATELLITE_LIMIT / 2 slogans (the most used first) and as many
// projects; the panel lists them all.
var SATELLITE_LIMIT = 30, hiddenSatellites = 0;
function fewerSatellites(ids, centreId) {
  var seen = new Set(), kept = [], satellites = [];
  ids.forEach(function (id) {
    if (seen.has(id) || !byId[id]) return;
    seen.add(id);
    (id !== centreId && SATELLITE[byId[id].kind] ? satellites : kept).push(id);
  });
  var weight = function (id) { return byId[id].kind === "slogan" ? (usesOfSlogan[+id.slice(1)] || []).length : 0; };
  satellites.sort(function (a, b) { return weight(b) - weight(a) || cmp(byId[a].label, byId[b].label) || cmp(a, b); });
  var perKind = {}, shownSatellites = satellites.filter(function (id) {
    var k = byId[id].kind;
    perKind[k] = (perKind[k] || 0) + 1;
    return perKind[k] <= SATELLITE_LIMIT / 2;
  });
  hiddenSatellites = satellites.length - shownSatellites.length;
  return kept.concat(shownSatellites);
}
// Show an item's details; with `redraw`, draw its neighbourhood too.
function open(kind, index, redraw) {
  if (!ROWS[kind] || !ROWS[kind][index]) return;
  syncSelects(kind, index);
  var ids = SHOW[kind](index);
  if (redraw) draw("focus", fewerSatellites(ids, nodeId(kind, index)), nodeId(kind, index));
  else network.selectNodes(nodes.get(nodeId(kind, index)) && shown(nodeId(kind, index)) ? [nodeId(kind, index)] : []);
  try { history.replaceState(null, "", hashOf(kind, index)); } catch (e) { /* file: URLs may refuse */ }
}
function pick(kind, value) { if (value !== "" && value !== null) open(kind, Number(value), true); }

network.on("click", function (p) { if (p.nodes.length) open(KIND_OF[p.nodes[0].charAt(0)], +p.nodes[0].slice(1), false); });
network.on("doubleClick", function (p) { if (p.nodes.length) open(KIND_OF[p.nodes[0].charAt(0)], +p.nodes[0].slice(1), true); });

function fill(selectId, rows, labelOf) {
  var select = document.getElementById(selectId);
  var entries = rows.map(function (r, i) { return [i, labelOf(r)]; });
  entries.sort(function (a, b) { return cmp(a[1], b[1]) || a[0] - b[0]; });
  entries.forEach(function (e) { var o = el("option", e[1]); o.value = String(e[0]); select.appendChild(o); });
}
fill("person-select", T.people, function (p) { return p.alt.length ? p.label + " (" + p.alt.join("、") + ")" : p.label; });
fill("post-select", T.posts, function (p) { return p.label; });
fill("district-select", T.districts, function (d) { return d.label; });
document.getElementById("filter").addEventListener("input", function (ev) {
  var q = ev.target.value.trim();
  SELECTS.forEach(function (k) {
    Array.prototype.forEach.call(document.getElementById(k + "-select").options, function (o) {
      o.hidden = o.value !== "" && q !== "" && o.textContent.indexOf(q) < 0;
    });
  });
});
SELECTS.forEach(function (kind) {
  document.getElementById(kind + "-select").addEventListener("change", function (ev) { pick(kind, ev.target.value); });
});
document.getElementById("show-all").addEventListener("click", function () {
  syncSelects(null); document.getElementById("details").textContent = ""; draw("skeleton");
});
document.getElementById("show-whole").addEventListener("click", function () { draw("whole"); });

function drawLegend() {
  var legend = document.getElementById("legend-items");
  var SHAPES = { dot: "circle", box: "rect", ellipse: "ellipse", diamond: "diamond", triangle: "triangle", star: "star" };
  Object.keys(KIND_NAMES).forEach(function (kind) {
    var style = data.kinds[kind], item = el("span", null, "legend-item");
    item.appendChild(shapeIcon(SHAPES[style.shape], style.color));
    item.appendChild(document.createTextNode(KIND_NAMES[kind]));
    legend.appendChild(item);
  });
  [["holds", "任职 holds", false], ["succeededBy", "接任 succeeded by", true], ["postIn", "隶属 post in body", false],
   ["inDistrict", "所在 in district", false], ["usedBy", "使用 used by", false]].forEach(function (k) {
    var item = el("span", null, "legend-item edge");
    item.appendChild(lineIcon(k[2]));
    item.appendChild(document.createTextNode(k[1]));
    legend.appendChild(item);
  });
}
function svg(tag, attrs) {
  var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.keys(attrs).forEach(function (a) { e.setAttribute(a, attrs[a]); });
  return e;
}
function shapeIcon(shape, color) {
  var s = svg("svg", { width: 16, height: 14, viewBox: "0 0 16 14" }), f = { fill: color, stroke: "#555", "stroke-width": 0.6 };
  var shapes = {
    circle: ["circle", { cx: 8, cy: 7, r: 5 }], rect: ["rect", { x: 1, y: 3, width: 14, height: 8, rx: 2 }],
    ellipse: ["ellipse", { cx: 8, cy: 7, rx: 7, ry: 4.5 }], diamond: ["polygon", { points: "8,1 14,7 8,13 2,7" }],
    triangle: ["polygon", { points: "8,1 14,13 2,13" }], star: ["polygon", { points: "8,1 9.8,5.4 14.5,5.6 10.8,8.6 12,13 8,10.5 4,13 5.2,8.6 1.5,5.6 6.2,5.4" }]
  };
  var spec = shapes[shape] || shapes.circle;
  s.appendChild(svg(spec[0], Object.assign({}, spec[1], f)));
  return s;
}
function lineIcon(dashed) {
  var s = svg("svg", { width: 24, height: 10, viewBox: "0 0 24 10" });
  s.appendChild(svg("line", Object.assign({ x1: 1, y1: 5, x2: 18, y2: 5, stroke: "#888", "stroke-width": 1.5 }, dashed ? { "stroke-dasharray": "3,2" } : {})));
  s.appendChild(svg("polygon", { points: "17,1.5 23,5 17,8.5", fill: "#888" }));
  return s;
}
drawLegend();

// A link to view.html#person=<IRI> (or post=, district=, organization=, slogan=, project=) opens
// on that item; links in the panel work the same way, and the browser's Back button goes back.
function openFromHash() {
  var m = /^#(person|post|district|organization|slogan|project)=(.+)$/.exec(location.hash);
  if (!m) return false;
  var wanted = decodeURIComponent(m[2]), found = ROWS[m[1]].findIndex(function (r) { return r.id === wanted; });
  if (found < 0) return false;
  open(m[1], found, true);
  return true;
}
window.addEventListener("hashchange", openFromHash);
draw("skeleton");
openFromHash();
window.cadregraph.ready = true;
