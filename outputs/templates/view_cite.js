// How the panel names a fact's source: its document (title, date, the document page at the
// fact's span, the source when it is a web address) and its quote inside its sentence. Text
// reaches the DOM through textContent only. Concatenated with view_panel.js into one closure.
// A fact's document: its title and date, a link to its page at the fact's span (when the
// document pages are written), and its source when that is a web address.
function docEl(fact) {
  var d = T.docs[fact.doc], s = el("span", null, "doc");
  var name = d.page ? el("a", d.title || d.name, "doc-link") : el("span", d.title || d.name);
  if (d.page) name.href = d.page + "#f" + fact.start + "-" + fact.end;
  name.title = d.name;
  s.appendChild(name);
  if (d.date) s.appendChild(document.createTextNode(" · " + d.date));
  if (d.link) {
    var src = el("a", "source 来源", "source");
    src.href = d.link; src.rel = "noreferrer";
    s.appendChild(document.createTextNode(" · "));
    s.appendChild(src);
  }
  return s;
}
// The quote inside its sentence, the quoted words marked.
function quoteEl(fact) {
  var q = el("span", fact.before || "", "quote");
  q.appendChild(el("mark", fact.quote));
  if (fact.after) q.appendChild(document.createTextNode(fact.after));
  return q;
}
