// 需求目录: filters the published needs in the browser. Record text is only ever set with
// textContent, never as HTML. The filter state lives in the URL (?kw=…&region=…&page=…);
// not ?q=, which the theme takes for its own search box.
(function () {
  "use strict";
  var root = document.getElementById("techvp-catalogue");
  if (!root) return;
  var PAGE = 100;
  var FACETS = { batch: "b", region: "r", industry: "d", category: "c", qualification: "q" };
  var form = root.querySelector("form");
  var list = root.querySelector(".techvp-results");
  var count = root.querySelector(".techvp-count");
  var pager = root.querySelector(".techvp-pager");
  var data = null;
  var page = 1;

  function state() {
    var params = new URLSearchParams(window.location.search);
    return params;
  }

  function fill(select, labels, tally) {
    labels
      .map(function (label, i) { return [label, i]; })
      .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; })
      .forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[0] + "（" + (tally[pair[1]] || 0) + "）";
        select.appendChild(option);
      });
  }

  function setup() {
    Object.keys(FACETS).forEach(function (name) {
      var key = FACETS[name];
      var tally = {};
      data.rows.forEach(function (row) {
        (key === "q" ? row.q : [row[key]]).forEach(function (i) { tally[i] = (tally[i] || 0) + 1; });
      });
      fill(form.elements[name], data.tables[key], tally);
    });
    Object.keys(data.status).forEach(function (key) {
      var option = document.createElement("option");
      option.value = key;
      option.textContent = data.status[key];
      form.elements.status.appendChild(option);
    });
    data.rows.forEach(function (row) {
      row.t = [row.i, row.n, row.f, row.p, data.tables.d[row.d]].join("\n").toLowerCase();
    });
  }

  function readUrl() {
    var params = state();
    ["kw", "status"].concat(Object.keys(FACETS)).forEach(function (name) {
      form.elements[name].value = params.get(name) || "";
    });
    page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  }

  function writeUrl() {
    var params = new URLSearchParams();
    ["kw", "status"].concat(Object.keys(FACETS)).forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    if (page > 1) params.set("page", String(page));
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  function matches() {
    var q = form.elements.kw.value.trim().toLowerCase();
    var wanted = {};
    Object.keys(FACETS).forEach(function (name) {
      var value = form.elements[name].value;
      if (value) wanted[FACETS[name]] = data.tables[FACETS[name]].indexOf(value);
    });
    var status = form.elements.status.value;
    return data.rows.filter(function (row) {
      if (status && row.s !== status) return false;
      for (var key in wanted) {
        if (key === "q" ? row.q.indexOf(wanted[key]) < 0 : row[key] !== wanted[key]) return false;
      }
      return !q || row.t.indexOf(q) >= 0;
    });
  }

  function item(row) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = row.u;
    link.textContent = row.n;
    var badge = document.createElement("span");
    badge.className = "techvp-status techvp-status-" + row.s;
    badge.textContent = data.status[row.s];
    var meta = document.createElement("div");
    meta.className = "techvp-meta";
    meta.textContent = [data.tables.r[row.r], data.tables.d[row.d], data.tables.c[row.c], row.f].join(" · ");
    var text = document.createElement("p");
    text.textContent = row.p.length > 120 ? row.p.slice(0, 120) + "……" : row.p;
    li.appendChild(link);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(badge);
    li.appendChild(meta);
    li.appendChild(text);
    return li;
  }

  function show() {
    var found = matches();
    var pages = Math.max(1, Math.ceil(found.length / PAGE));
    page = Math.min(page, pages);
    var start = (page - 1) * PAGE;
    var shown = found.slice(start, start + PAGE);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (row) { fragment.appendChild(item(row)); });
    list.replaceChildren(fragment);
    list.start = start + 1;
    count.textContent = "共 " + found.length + " 条需求" +
      (found.length > PAGE ? "，显示第 " + (start + 1) + "–" + (start + shown.length) + " 条" : "");
    pager.hidden = pages < 2;
    pager.querySelector(".techvp-page").textContent = page + " / " + pages;
    pager.querySelector('[data-step="-1"]').disabled = page <= 1;
    pager.querySelector('[data-step="1"]').disabled = page >= pages;
    writeUrl();
  }

  form.addEventListener("input", function () { page = 1; show(); });
  pager.addEventListener("click", function (event) {
    var step = event.target.getAttribute && event.target.getAttribute("data-step");
    if (!step) return;
    page += parseInt(step, 10);
    show();
    root.scrollIntoView();
  });

  fetch(root.getAttribute("data-src"))
    .then(function (response) { return response.json(); })
    .then(function (json) { data = json; setup(); readUrl(); show(); })
    .catch(function () { count.textContent = "需求数据加载失败，请刷新页面重试。"; });
})();
