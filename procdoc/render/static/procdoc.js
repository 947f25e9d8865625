// procdoc pages: the catalogue's filter box, the site search and the chart viewer.
// Progressive: without script the catalogue lists everything and the chart
// scrolls at reading size. No dependencies, nothing loaded from elsewhere.
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // Catalogue: hide rows that do not contain every word typed, then the
  // tables and sections left empty.
  function filterCatalogue(box) {
    var rows = all("[data-filter-row]");
    var groups = all("[data-filter-group]");
    var noMatch = document.getElementById("no-match");
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });

    function apply() {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-filter-row]:not([hidden])");
      });
      if (noMatch) {
        noMatch.hidden = shown !== 0;
      }
    }

    box.addEventListener("input", apply);
    apply();
  }

  // Search over every manual, from the index the site was built with
  // (assets/search-index.js): Chinese by character pairs, so that any
  // part of a name is found without word spaces; Latin text by words.
  function terms(text) {
    var found = [];
    var lower = text.toLowerCase();
    (lower.match(/[a-z0-9][a-z0-9._\/-]*/g) || []).forEach(function (word) { found.push(word); });
    (lower.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) || []).forEach(function (run) {
      if (run.length === 1) {
        found.push(run);
      }
      for (var i = 0; i + 1 < run.length; i += 1) {
        found.push(run.slice(i, i + 2));
      }
    });
    return found;
  }

  function search(box) {
    var index = window.PROCDOC_SEARCH;
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!index || !list) {
      return;
    }
    box.closest("form").addEventListener("submit", function (event) { event.preventDefault(); });
    function apply() {
      var query = terms(box.value);
      list.textContent = "";
      if (!query.length) {
        status.textContent = "";
        return;
      }
      var hits = index.entries.filter(function (entry) {
        var text = entry.text;
        return query.every(function (term) { return text.indexOf(term) !== -1; });
      });
      status.textContent = hits.length ? status.getAttribute("data-count").replace("{count}", hits.length)
        : status.getAttribute("data-none");
      hits.slice(0, 200).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.href;
        link.textContent = entry.title;
        item.appendChild(link);
        if (entry.context) {
          var context = document.createElement("span");
          context.className = "muted";
          context.textContent = " · " + entry.context;
          item.appendChild(context);
        }
        list.appendChild(item);
      });
    }
    box.addEventListener("input", apply);
    apply();
  }

  // The chart viewer: zoom (buttons, Ctrl+wheel, pinch, + and -), pan
  // (drag, arrow keys), fit, full screen, the legend at hand, and the
  // lane headers kept in sight while the chart scrolls.
  function viewer(figure) {
    var canvas = figure.querySelector(".diagram-canvas");
    var svg = canvas && canvas.querySelector("svg");
    var tools = figure.querySelector("[data-chart-tools]");
    if (!svg || !tools) {
      return;
    }
    var ratio = 96 / 72;
    var width = parseFloat(svg.getAttribute("width")) * ratio;
    var height = parseFloat(svg.getAttribute("height")) * ratio;
    var scale = 1;
    var fitted = false;
    var header = stickyHeaders(svg, canvas);

    function fitScale() {
      return Math.min(1, (canvas.clientWidth - 16) / width);
    }
    function zoomTo(next, fit) {
      var middleX = (canvas.scrollLeft + canvas.clientWidth / 2) / scale;
      var middleY = (canvas.scrollTop + canvas.clientHeight / 2) / scale;
      scale = Math.max(0.1, Math.min(4, next));
      fitted = !!fit;
      svg.style.width = width * scale + "px";
      svg.style.height = height * scale + "px";
      if (header) {  // drawn over the chart's own headers, which scroll away under it
        var band = header.getAttribute("data-height") * ratio * scale;
        header.style.width = svg.style.width;
        header.style.height = band + "px";
        svg.style.marginTop = -band + "px";
      }
      canvas.scrollLeft = middleX * scale - canvas.clientWidth / 2;
      canvas.scrollTop = middleY * scale - canvas.clientHeight / 2;
      var fit = tools.querySelector('[data-chart="fit"]');
      fit.setAttribute("aria-pressed", fitted ? "true" : "false");
      canvas.classList.toggle("fit", fitted);
    }
    var actions = {
      fit: function () { zoomTo(fitted ? 1 : fitScale(), !fitted); },
      "in": function () { zoomTo(scale * 1.25); },
      out: function () { zoomTo(scale / 1.25); },
      full: function () {
        if (document.fullscreenElement) {
          document.exitFullscreen();
        } else if (figure.requestFullscreen) {
          figure.requestFullscreen();
        }
      },
      legend: function (button) {
        var panel = document.getElementById("chart-legend");
        if (!panel.firstChild) {
          panel.appendChild(legendCopy(svg));
        }
        panel.hidden = !panel.hidden;
        button.setAttribute("aria-pressed", panel.hidden ? "false" : "true");
      }
    };
    all("[data-chart]", tools).forEach(function (button) {
      button.addEventListener("click", function () { actions[button.getAttribute("data-chart")](button); });
    });
    canvas.addEventListener("keydown", function (event) {
      var key = { "+": "in", "=": "in", "-": "out", "0": "fit" }[event.key];
      if (key && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        actions[key]();
      }
    });
    canvas.addEventListener("wheel", function (event) {
      if (event.ctrlKey || event.metaKey) {  // a trackpad's pinch arrives as Ctrl+wheel
        event.preventDefault();
        zoomTo(scale * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
      }
    }, { passive: false });
    panAndPinch(canvas, function () { return scale; }, zoomTo);
    tools.hidden = false;
    zoomTo(1);
  }

  // Drag with one pointer to pan; two touching pointers pinch to zoom.
  function panAndPinch(canvas, current, zoomTo) {
    var pointers = {};
    var start = null;
    var moved = false;
    function spread() {
      var p = Object.keys(pointers).map(function (id) { return pointers[id]; });
      return p.length < 2 ? 0 : Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
    }
    canvas.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) {
        return;
      }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      start = { x: event.clientX, y: event.clientY, left: canvas.scrollLeft, top: canvas.scrollTop,
        spread: spread(), scale: current() };
      moved = false;
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!start || !pointers[event.pointerId]) {
        return;
      }
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      if (start.spread && spread()) {
        zoomTo(start.scale * spread() / start.spread);
        return;
      }
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) > 4) {
        moved = true;
        canvas.classList.add("panning");
        canvas.setPointerCapture(event.pointerId);
      }
      if (moved) {
        canvas.scrollLeft = start.left - dx;
        canvas.scrollTop = start.top - dy;
      }
    });
    function end(event) {
      delete pointers[event.pointerId];
      if (!Object.keys(pointers).length) {
        start = null;
        canvas.classList.remove("panning");
      }
    }
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("click", function (event) {  // a drag is not a click on the step under it
      if (moved) {
        event.preventDefault();
        event.stopPropagation();
        moved = false;
      }
    }, true);
  }

  // A copy of the chart's top band (the lane headers) that sticks to the top
  // of the chart's box while the chart scrolls under it.
  function stickyHeaders(svg, canvas) {
    var headers = all(".lane-header", svg);
    if (!headers.length) {
      return null;
    }
    var box = svg.viewBox.baseVal;
    var shift = translation(svg.querySelector("g.graph"));
    var bottom = -Infinity;
    headers.forEach(function (header) {
      var b = header.getBBox();
      bottom = Math.max(bottom, b.y + b.height);
    });
    var top = box.y - shift.y;
    var band = bottom - top + 6;
    var copy = document.createElementNS(svg.namespaceURI, "svg");
    copy.setAttribute("viewBox", [box.x - shift.x, top, box.width, band].join(" "));
    copy.setAttribute("class", "lane-band");
    copy.setAttribute("aria-hidden", "true");
    copy.setAttribute("focusable", "false");
    copy.setAttribute("data-height", band);
    var group = document.createElementNS(svg.namespaceURI, "g");
    var ground = document.createElementNS(svg.namespaceURI, "rect");
    ground.setAttribute("x", box.x - shift.x);
    ground.setAttribute("y", top);
    ground.setAttribute("width", box.width);
    ground.setAttribute("height", band);
    ground.setAttribute("fill", "#fff");
    group.appendChild(ground);
    headers.forEach(function (header) {
      var clone = header.cloneNode(true);
      clone.removeAttribute("id");
      all("[id]", clone).forEach(function (node) { node.removeAttribute("id"); });
      group.appendChild(clone);
    });
    copy.appendChild(group);
    canvas.insertBefore(copy, svg);
    return copy;
  }

  // Graphviz draws in a group moved by translate(x y): the copies draw without it.
  function translation(graph) {
    var match = /translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)/.exec(graph ? graph.getAttribute("transform") || "" : "");
    return match ? { x: parseFloat(match[1]), y: parseFloat(match[2]) } : { x: 0, y: 0 };
  }

  // The chart's own legend, drawn again on its own at the top of the chart.
  function legendCopy(svg) {
    var legend = svg.querySelector("#legend");
    var copy = document.createElementNS(svg.namespaceURI, "svg");
    if (!legend) {
      return copy;
    }
    var b = legend.getBBox();
    copy.setAttribute("viewBox", [b.x - 2, b.y - 2, b.width + 4, b.height + 4].join(" "));
    copy.setAttribute("width", (b.width + 4) * 96 / 72);
    copy.setAttribute("height", (b.height + 4) * 96 / 72);
    copy.setAttribute("role", "img");
    copy.setAttribute("aria-label", legend.querySelector("title") ? legend.querySelector("title").textContent : "");
    var clone = legend.cloneNode(true);
    clone.removeAttribute("id");
    all("[id]", clone).forEach(function (node) { node.removeAttribute("id"); });
    all("a", clone).forEach(function (a) { a.removeAttribute("xlink:title"); });
    var group = document.createElementNS(svg.namespaceURI, "g");
    group.appendChild(clone);
    copy.appendChild(group);
    return copy;
  }

  var box = document.getElementById("filter");
  if (box) {
    filterCatalogue(box);
  }
  var query = document.getElementById("search");
  if (query) {
    search(query);
  }
  all("figure.diagram").forEach(viewer);
}());
