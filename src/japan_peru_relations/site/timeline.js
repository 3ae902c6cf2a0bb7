/* The timeline of japan-peru-relations: drawn from the JSON embedded in the page.
   Record text is data, never markup: every string reaches the page through textContent or a
   checked attribute, never innerHTML. No request leaves the page. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("jpr-data").textContent);
  var list = document.getElementById("timeline");
  var kindBox = document.getElementById("kind-filter");
  var decadeSelect = document.getElementById("decade-filter");
  var reset = document.getElementById("reset-filters");
  var count = document.getElementById("count");
  var groupIndex = {};
  var groupLabel = {};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function safeUrl(value) {
    try {
      var url = new URL(String(value));
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function kindFilter(group, index) {
    var label = el("label", "kind-option kind-" + (index % 8));
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = group.id;
    box.name = "kind";
    label.appendChild(box);
    label.appendChild(el("span", "swatch"));
    label.appendChild(el("span", null, group.label + " (" + group.count + ")"));
    return label;
  }

  function sourceList(sources) {
    var ul = el("ul", "sources");
    sources.forEach(function (source) {
      var li = el("li");
      var href = safeUrl(source.url);
      var text = source.title + (source.publisher ? " — " + source.publisher : "");
      if (href) {
        var a = el("a", null, text);
        a.href = href;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        li.appendChild(a);
      } else {
        li.textContent = text;
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function entry(item) {
    var index = groupIndex[item.group] || 0;
    var li = el("li", "item kind-" + (index % 8));
    li.dataset.group = item.group;
    li.dataset.decade = item.decade;
    li.dataset.id = item.id;
    var when = el("p", "when");
    var time = el("time", null, item.date);
    time.dateTime = item.date;
    when.appendChild(time);
    if (item.time) {
      when.appendChild(el("span", "clock", " " + item.time));
    }
    when.appendChild(el("span", "badge", groupLabel[item.group] || item.group));
    li.appendChild(when);
    li.appendChild(el("h3", "title", item.title));
    var facts = [item.detail, item.place, (item.people || []).join(", ")].filter(Boolean);
    if (facts.length) {
      li.appendChild(el("p", "facts", facts.join(" · ")));
    }
    if (item.summary) {
      li.appendChild(el("p", "summary", item.summary));
    }
    if (item.sources && item.sources.length) {
      var sources = el("div", "sources-block");
      sources.appendChild(el("span", "sources-label", "Sources"));
      sources.appendChild(sourceList(item.sources));
      li.appendChild(sources);
    }
    return li;
  }

  data.groups.forEach(function (group, index) {
    groupIndex[group.id] = index;
    groupLabel[group.id] = group.singular || group.label;
    kindBox.appendChild(kindFilter(group, index));
  });
  data.decades.forEach(function (decade) {
    var option = el("option", null, decade);
    option.value = decade;
    decadeSelect.appendChild(option);
  });

  var items = [];
  var headings = [];
  var lastDecade = null;
  data.items.forEach(function (item) {
    if (item.decade !== lastDecade) {
      var heading = el("li", "decade-heading");
      heading.dataset.decade = item.decade;
      heading.appendChild(el("h2", null, item.decade));
      list.appendChild(heading);
      headings.push(heading);
      lastDecade = item.decade;
    }
    var node = entry(item);
    list.appendChild(node);
    items.push(node);
  });

  function apply() {
    var kinds = {};
    Array.prototype.forEach.call(kindBox.querySelectorAll("input[name=kind]"), function (box) {
      kinds[box.value] = box.checked;
    });
    var decade = decadeSelect.value;
    var shown = 0;
    var decadesShown = {};
    items.forEach(function (node) {
      var visible = kinds[node.dataset.group] === true && (!decade || node.dataset.decade === decade);
      node.hidden = !visible;
      if (visible) {
        shown += 1;
        decadesShown[node.dataset.decade] = true;
      }
    });
    headings.forEach(function (heading) {
      heading.hidden = !decadesShown[heading.dataset.decade];
    });
    count.dataset.shown = String(shown);
    count.textContent = "Showing " + shown + " of " + items.length + " entries";
  }

  kindBox.addEventListener("change", apply);
  decadeSelect.addEventListener("change", apply);
  reset.addEventListener("click", function () {
    Array.prototype.forEach.call(kindBox.querySelectorAll("input[name=kind]"), function (box) {
      box.checked = true;
    });
    decadeSelect.value = "";
    apply();
  });
  apply();
  document.documentElement.classList.add("ready");
})();
