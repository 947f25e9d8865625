// procdoc pages: the catalogue's filter box and the flowchart's zoom button.
// Progressive: without script the catalogue lists everything and the chart
// shows at reading size. No dependencies, nothing loaded.
(function () {
  "use strict";

  // Catalogue: hide rows that do not contain every word typed, then the
  // tables and sections left empty.
  function filterCatalogue(box) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-filter-row]"));
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-filter-group]"));
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

  // Flowchart: switch between reading size (scrolls) and the whole chart at
  // the width of the page.
  function zoomChart(button) {
    var canvas = document.querySelector(".diagram-canvas");
    if (!canvas) {
      return;
    }
    function label() {
      var fitted = canvas.classList.contains("fit");
      button.textContent = fitted ? button.getAttribute("data-full") : button.getAttribute("data-fit");
      button.setAttribute("aria-pressed", fitted ? "true" : "false");
    }
    button.addEventListener("click", function () {
      canvas.classList.toggle("fit");
      label();
    });
    button.hidden = false;
    label();
  }

  var box = document.getElementById("filter");
  if (box) {
    filterCatalogue(box);
  }
  var zoom = document.querySelector("[data-zoom]");
  if (zoom) {
    zoomChart(zoom);
  }
}());
