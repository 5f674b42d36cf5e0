// The view's panel: what a person, post, district, body, slogan or project is, read from the
// page's tables. Every text from a document reaches the DOM through textContent (el) or a
// plain attribute, never as HTML. Concatenated with view_network.js into one closure.
"use strict";
var data = JSON.parse(document.getElementById("graph-data").textContent);
var T = data.tables;
var LIST_LIMIT = 40;   // items a list shows before "show all"
var ROWS = { person: T.people, post: T.posts, district: T.districts, organization: T.orgs, slogan: T.slogans, project: T.projects };
var PREFIX = { person: "p", post: "q", organization: "o", district: "d", slogan: "s", project: "j" };
var KIND_OF = { p: "person", q: "post", o: "organization", d: "district", s: "slogan", j: "project" };
var KIND_NAMES = { person: "人物 person", post: "职务 post", organization: "机构 body", district: "区县 district",
                   slogan: "提法 slogan", project: "项目 project" };

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
// ISO dates of any precision sort as strings ("2024" < "2024-01" < "2024-01-23"); undated last.
function dateKey(d) { return d ? "0" + d : "1"; }
function span(first, last) { return !first ? "date unknown" : first === last ? first : first + " → " + last; }
function push(map, key, value) { (map[key] = map[key] || []).push(value); }

var tenuresOfPerson = {}, tenuresOfPost = {}, orgsOfDistrict = {}, postsOfOrg = {};
var usesOfSlogan = {}, usesOfDistrict = {}, usesOfOrg = {}, projectsOfDistrict = {}, figuresOfDistrict = {};
T.tenures.forEach(function (t, i) { push(tenuresOfPerson, t.person, i); push(tenuresOfPost, t.post, i); });
T.orgs.forEach(function (o, i) { if (o.district !== null) push(orgsOfDistrict, o.district, i); });
T.posts.forEach(function (p, i) { push(postsOfOrg, p.org, i); });
T.sloganUses.forEach(function (u, i) {
  push(usesOfSlogan, u.slogan, i);
  if (u.district !== null) push(usesOfDistrict, u.district, i); else if (u.org !== null) push(usesOfOrg, u.org, i);
});
T.projects.forEach(function (p, i) { if (p.district !== null) push(projectsOfDistrict, p.district, i); });
T.figures.forEach(function (f, i) { push(figuresOfDistrict, f.district, i); });
var mentionsOfProject = {};
(T.projectMentions || []).forEach(function (m, i) { push(mentionsOfProject, m.project, i); });

function nodeId(kind, index) { return PREFIX[kind] + index; }
function hashOf(kind, index) { return "#" + kind + "=" + encodeURIComponent(ROWS[kind][index].id); }
// A name in the panel is a link to that item's panel (and its neighbourhood in the network).
function link(kind, index, text, cls) {
  var a = el("a", text === undefined ? ROWS[kind][index].label : text, cls);
  a.href = hashOf(kind, index);
  return a;
}
// How a tenure's end is known (the careers derivation's bounds, under either spelling of the
// rows; none on rows without them): the date it ended by, and the date it lasted past.
function endBound(t) { return t.ended_before || t.end_before || ""; }
function endAfter(t) { return t.ended_after || t.end_after || ""; }
function docTitles(obsList) {
  return obsList.map(function (o) { var d = T.docs[T.obs[o].doc]; return d.title || d.name; }).join("; ");
}
function districtName(i) { return i === null || i === undefined ? "市级 city level" : T.districts[i].label; }

function section(parent, heading, id, items, ordered) {
  parent.appendChild(el("h3", heading + (items.length ? " · " + items.length : "")));
  var list = el(ordered ? "ol" : "ul");
  list.id = id;
  items.slice(0, LIST_LIMIT).forEach(function (li) { list.appendChild(li); });
  if (!items.length) list.appendChild(el("li", "none in the graph", "note"));
  parent.appendChild(list);
  if (items.length > LIST_LIMIT) {
    var more = el("button", "show all " + items.length + " 显示全部", "more");
    more.type = "button";
    more.addEventListener("click", function () {
      items.slice(LIST_LIMIT).forEach(function (li) { list.appendChild(li); });
      more.remove();
    });
    parent.appendChild(more);
  }
  return list;
}
function details(heading, kind) {
  var d = document.getElementById("details");
  d.textContent = "";
  var h = el("h2", heading);
  d.appendChild(h);
  d.appendChild(el("p", KIND_NAMES[kind], "kind kind-" + kind));
  return d;
}
function docItem(obsIndex, main, marks) {
  var o = T.obs[obsIndex], li = el("li");
  li.id = "obs-" + obsIndex;
  li.appendChild(el("span", o.date || "date unknown", "date"));
  li.appendChild(document.createTextNode(" · "));
  li.appendChild(main);
  li.appendChild(document.createTextNode(" · "));
  li.appendChild(docEl(o));
  if (o.status !== "holds") li.appendChild(el("span", " (" + o.status + ")", "note"));
  if (marks && marks[obsIndex]) li.appendChild(el("span", marks[obsIndex], "changed"));
  li.appendChild(quoteEl(o));
  return li;
}
function byObsDate(a, b) {
  var x = T.obs[a], y = T.obs[b];
  return cmp(dateKey(x.date), dateKey(y.date)) || cmp(T.docs[x.doc].name, T.docs[y.doc].name) || a - b;
}
function byTenureDate(a, b) {
  var x = T.tenures[a], y = T.tenures[b];
  return cmp(dateKey(x.first), dateKey(y.first)) || cmp(dateKey(x.last), dateKey(y.last))
    || cmp(T.posts[x.post].label, T.posts[y.post].label);
}
function holderSpan(t) {
  var bound = endBound(t), after = endAfter(t), why = t.end_reason ? ", " + t.end_reason : "";
  if (bound) return " (ended by " + bound + why + ")";
  if (after && after > (t.last || "")) return " (ended after " + after + why + ")";
  return t.open ? " (last seen " + (t.last || "?") + ")" : " (left)";
}

function showPerson(i) {
  var p = T.people[i], d = details(p.label + " — posts in date order", "person");
  if (p.alt.length) d.appendChild(el("p", "also written: " + p.alt.join("、"), "note"));
  p.why.forEach(function (w) { d.appendChild(el("p", "merged: " + w, "note")); });
  var tenures = (tenuresOfPerson[i] || []).slice().sort(byTenureDate);
  var obs = [], marks = {};
  tenures.forEach(function (ti) { obs = obs.concat(T.tenures[ti].obs); });
  drawCareer(d, tenures, obs);
  section(d, "Career 履历", "career-list", tenures.map(function (ti) {
    var t = T.tenures[ti], li = el("li");
    li.appendChild(link("post", t.post, undefined, "post"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", span(t.first, t.last), "date"));
    li.appendChild(el("span", holderSpan(t), "note"));
    li.appendChild(el("span", docTitles(t.obs), "quote"));
    return li;
  }), true);
  // Where the person is seen in a post not seen before (a career step that changed post).
  p.steps.forEach(function (s) {
    if (!s.changed) return;
    obs.forEach(function (oi) {
      var o = T.obs[oi];
      if (o.doc === s.doc && o.date === s.date && s["new"].indexOf(o.post) >= 0) marks[oi] = "post changed";
    });
  });
  section(d, "Documents in date order 出处", "detail-list", obs.sort(byObsDate).map(function (oi) {
    return docItem(oi, link("post", T.obs[oi].post), marks);
  }), true);
  var ids = ["p" + i];
  tenures.forEach(function (ti) {
    var t = T.tenures[ti], post = T.posts[t.post];
    ids.push("q" + t.post, "o" + post.org);
    if (post.district !== null) ids.push("d" + post.district);
    [t.pred, t.succ].forEach(function (n) { if (n !== null && n !== undefined) ids.push("p" + T.tenures[n].person); });
  });
  return ids;
}

function showPost(i) {
  var post = T.posts[i], d = details(post.label + " — holders in date order", "post");
  var where = el("p", "", "note");
  where.appendChild(link("organization", post.org));
  if (post.district !== null) { where.appendChild(document.createTextNode(" · ")); where.appendChild(link("district", post.district)); }
  d.appendChild(where);
  var tenures = (tenuresOfPost[i] || []).slice().sort(function (a, b) { return T.tenures[a].index - T.tenures[b].index; });
  section(d, "Holders 历任", "holder-list", tenures.map(function (ti) {
    var t = T.tenures[ti], li = el("li");
    li.appendChild(link("person", t.person, undefined, "person"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", span(t.first, t.last), "date"));
    if (t.pred !== null && t.pred !== undefined) li.appendChild(el("span", " · after " + T.people[T.tenures[t.pred].person].label, "note"));
    li.appendChild(el("span", docTitles(t.obs), "quote"));
    return li;
  }), true);
  var obs = [];
  tenures.forEach(function (ti) { obs = obs.concat(T.tenures[ti].obs); });
  section(d, "Documents in date order 出处", "detail-list", obs.sort(byObsDate).map(function (oi) {
    return docItem(oi, link("person", T.obs[oi].person));
  }), true);
  var ids = ["q" + i, "o" + post.org];
  if (post.district !== null) ids.push("d" + post.district);
  tenures.forEach(function (ti) { ids.push("p" + T.tenures[ti].person); });
  return ids;
}

function officialItems(postIndexes, ids) {
  var tenures = [];
  postIndexes.forEach(function (pi) { ids.push("q" + pi); tenures = tenures.concat(tenuresOfPost[pi] || []); });
  tenures.sort(function (a, b) {
    var x = T.tenures[a], y = T.tenures[b];
    return cmp(T.posts[x.post].label, T.posts[y.post].label) || x.index - y.index;
  });
  return tenures.map(function (ti) {
    var t = T.tenures[ti], li = el("li");
    ids.push("p" + t.person);
    li.appendChild(link("post", t.post, undefined, "post"));
    li.appendChild(document.createTextNode(" · "));
    li.appendChild(link("person", t.person));
    li.appendChild(document.createTextNode(" · "));
    li.appendChild(el("span", span(t.first, t.last), "date"));
    return li;
  });
}

// A slogan once per unit, with how often and from when to when it was used.
function sloganItems(useIndexes, ids) {
  var bySlogan = {}, order = [];
  useIndexes.forEach(function (ui) {
    var u = T.sloganUses[ui];
    if (!bySlogan[u.slogan]) { bySlogan[u.slogan] = []; order.push(u.slogan); }
    bySlogan[u.slogan].push(ui);
  });
  order.sort(function (a, b) { return bySlogan[b].length - bySlogan[a].length || cmp(T.slogans[a].label, T.slogans[b].label); });
  return order.map(function (si) {
    var uses = bySlogan[si], li = el("li"), dates = uses.map(function (ui) { return T.sloganUses[ui].date; }).filter(Boolean).sort();
    ids.push("s" + si);
    li.appendChild(link("slogan", si, "“" + T.slogans[si].label + "”", "post"));
    li.appendChild(document.createTextNode(" · ×" + uses.length + " · " + (dates.length ? span(dates[0], dates[dates.length - 1]) : "date unknown")));
    li.appendChild(quoteEl(T.sloganUses[uses[0]]));
    return li;
  });
}

function figureItem(fi) {
  var f = T.figures[fi], li = el("li");
  li.appendChild(el("span", [f.indicator, f.value + (f.unit || ""), f.period].filter(Boolean).join(" · "), "figure"));
  li.appendChild(document.createTextNode(" · " + (f.date || "date unknown") + " · "));
  li.appendChild(docEl(f));
  li.appendChild(quoteEl(f));
  return li;
}

function showDistrict(i) {
  var d = details(T.districts[i].label, "district"), ids = ["d" + i], posts = [];
  (orgsOfDistrict[i] || []).forEach(function (oi) { ids.push("o" + oi); posts = posts.concat(postsOfOrg[oi] || []); });
  section(d, "Officials 官员", "officials-list", officialItems(posts, ids));
  var figures = (figuresOfDistrict[i] || []).slice().sort(function (a, b) {
    var x = T.figures[a], y = T.figures[b];
    return cmp(x.indicator, y.indicator) || cmp(dateKey(x.date), dateKey(y.date)) || a - b;
  });
  section(d, "Figures 数据", "figures-list", figures.map(figureItem));
  section(d, "Slogans 提法", "slogans-list", sloganItems(usesOfDistrict[i] || [], ids));
  section(d, "Projects 项目", "projects-list", (projectsOfDistrict[i] || []).map(function (pi) {
    ids.push("j" + pi);
    var li = el("li"), ms = mentionsOfProject[pi] || [];
    li.appendChild(link("project", pi));
    var dates = ms.map(function (mi) { return T.projectMentions[mi].date; }).filter(Boolean).sort();
    li.appendChild(document.createTextNode(" · ×" + ms.length + " · " + (dates.length ? span(dates[0], dates[dates.length - 1]) : "date unknown")));
    if (ms.length) { li.appendChild(el("br")); li.appendChild(docEl(T.projectMentions[ms[0]])); li.appendChild(quoteEl(T.projectMentions[ms[0]])); }
    return li;
  }));
  return ids;
}

function showOrganization(i) {
  var org = T.orgs[i], d = details(org.label, "organization"), ids = ["o" + i];
  var where = el("p", "", "note");
  if (org.district !== null) { where.appendChild(link("district", org.district)); ids.push("d" + org.district); }
  else where.textContent = "市级 city level";
  d.appendChild(where);
  section(d, "Posts and holders 职务与任职者", "officials-list", officialItems(postsOfOrg[i] || [], ids));
  section(d, "Slogans 提法", "slogans-list", sloganItems(usesOfOrg[i] || [], ids));
  return ids;
}

function showSlogan(i) {
  var d = details("“" + T.slogans[i].label + "”", "slogan"), ids = ["s" + i];
  var uses = (usesOfSlogan[i] || []).slice().sort(function (a, b) {
    return cmp(dateKey(T.sloganUses[a].date), dateKey(T.sloganUses[b].date)) || a - b;
  });
  section(d, "Used by 使用单位", "uses-list", uses.map(function (ui) {
    var u = T.sloganUses[ui], li = el("li");
    li.appendChild(el("span", u.date || "date unknown", "date"));
    li.appendChild(document.createTextNode(" · "));
    if (u.district !== null) { li.appendChild(link("district", u.district)); ids.push("d" + u.district); }
    else if (u.org !== null) { li.appendChild(link("organization", u.org)); ids.push("o" + u.org); }
    li.appendChild(document.createTextNode(" · "));
    li.appendChild(docEl(u));
    li.appendChild(quoteEl(u));
    return li;
  }), true);
  return ids;
}

function showProject(i) {
  var p = T.projects[i], d = details(p.label, "project"), ids = ["j" + i];
  var where = el("p", "", "note");
  if (p.district !== null) { where.appendChild(link("district", p.district)); ids.push("d" + p.district); }
  d.appendChild(where);
  section(d, "Mentions 提及", "mentions-list", (mentionsOfProject[i] || []).map(function (mi) {
    var m = T.projectMentions[mi], li = el("li");
    li.appendChild(el("span", m.date || "date unknown", "date"));
    li.appendChild(document.createTextNode(" · "));
    li.appendChild(docEl(m));
    li.appendChild(quoteEl(m));
    return li;
  }), true);
  return ids;
}

var SHOW = { person: showPerson, post: showPost, district: showDistrict, organization: showOrganization,
             slogan: showSlogan, project: showProject };
