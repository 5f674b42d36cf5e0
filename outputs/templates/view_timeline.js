// A person's career as a timeline (vis-timeline, vendored): one row per post, the posts grouped
// by place; each tenure a bar from first to last seen (continued, lighter, to its end bound
// when one is known), each observation a point. Observations
// without a date are listed apart, never drawn at the start of the axis. Item texts are DOM
// elements built with textContent (vis-timeline would read a string as HTML).

// The first and the last instant a partial ISO date ("2024", "2024-01", "2024-01-23") covers.
function dateStart(d) {
  var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d || "");
  return m ? new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1)) : null;
}
function dateEnd(d) {
  var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d || "");
  if (!m) return null;
  if (m[3]) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1));
  if (m[2]) return new Date(Date.UTC(+m[1], +m[2], 1));
  return new Date(Date.UTC(+m[1] + 1, 0, 1));
}

function careerItems(tenures) {
  var groups = [], items = [], places = {}, placeOrder = [];
  tenures.forEach(function (ti) {
    var t = T.tenures[ti], post = T.posts[t.post], place = post.district === null ? "city" : "d" + post.district;
    if (!places[place]) { places[place] = []; placeOrder.push(place); }
    if (places[place].indexOf(t.post) < 0) places[place].push(t.post);
    var start = dateStart(t.first || t.last), end = dateEnd(t.last || t.first);
    if (start) {
      var label = el("span", span(t.first, t.last) + (t.open ? "" : " · left"));
      items.push({ id: "t" + ti, group: "q" + t.post, start: start, end: end, type: "range", content: label,
                   className: t.open ? "tenure open" : "tenure", title: el("span", post.label + " · " + span(t.first, t.last)) });
      // continued, lighter, to the date it is known to have ended by
      var bound = dateEnd(endBound(t));
      if (bound && bound > end) {
        items.push({ id: "b" + ti, group: "q" + t.post, start: end, end: bound, type: "range", content: "",
                     className: "tenure-bound", title: el("span", post.label + " · ended by " + endBound(t)
                       + (t.end_reason ? " (" + t.end_reason + ")" : "")) });
      }
    }
    t.obs.forEach(function (oi) {
      var o = T.obs[oi], at = dateStart(o.date);
      if (!at) return;
      var doc = T.docs[o.doc];
      items.push({ id: "o" + oi, group: "q" + t.post, start: at, type: "point", content: "", className: "seen",
                   title: el("span", (o.date || "") + " · " + (doc.title || doc.name)) });
    });
  });
  placeOrder.forEach(function (place, k) {
    var posts = places[place];
    groups.push({ id: "place-" + place, content: el("span", place === "city" ? "市级 city level" : T.districts[+place.slice(1)].label, "place"),
                  nestedGroups: posts.map(function (q) { return "q" + q; }), order: k, showNested: true });
    posts.forEach(function (q, j) { groups.push({ id: "q" + q, content: el("span", T.posts[q].label), order: j }); });
  });
  return { groups: groups, items: items };
}

function drawCareer(parent, tenures, obs) {
  var undated = obs.filter(function (oi) { return !T.obs[oi].date; });
  var box = el("div");
  box.id = "timeline";
  parent.appendChild(el("h3", "Timeline 时间线"));
  parent.appendChild(box);
  var parts = careerItems(tenures);
  if (!parts.items.length) box.appendChild(el("p", "no dated observation 无日期", "note"));
  else if (window.vis && vis.Timeline) {
    var times = parts.items.map(function (it) { return it.start.getTime(); })
      .concat(parts.items.filter(function (it) { return it.end; }).map(function (it) { return it.end.getTime(); }));
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times), pad = Math.max(hi - lo, 90 * 864e5) * 0.08;
    var timeline = new vis.Timeline(box, parts.items, parts.groups, {
      stack: false, showCurrentTime: false, zoomable: true, moveable: true, selectable: true, orientation: "top",
      min: new Date(lo - 20 * pad), max: new Date(hi + 20 * pad),
      zoomMin: 7 * 864e5, groupOrder: "order", margin: { item: 2, axis: 4 }, maxHeight: 320,
      tooltip: { followMouse: true, overflowMethod: "cap" },
      // the window is set once drawn: given as start/end options, vis-timeline waits for a range
      // change before it shows anything, and its own first fit leaves no margin
      onInitialDrawComplete: function () { timeline.setWindow(new Date(lo - pad), new Date(hi + pad), { animation: false }); }
    });
    // A point picked on the timeline shows its document in the list below.
    timeline.on("select", function (ev) {
      var id = ev.items[0];
      var li = id && id.charAt(0) === "o" ? document.getElementById("obs-" + id.slice(1)) : null;
      if (li) { li.scrollIntoView({ block: "nearest" }); li.classList.add("flash"); setTimeout(function () { li.classList.remove("flash"); }, 1200); }
    });
    window.cadregraph.timeline = timeline;
  }
  if (undated.length) {
    section(parent, "Undated 日期不详", "undated-list", undated.map(function (oi) {
      return docItem(oi, el("span", T.posts[T.obs[oi].post].label));
    }));
  }
}
