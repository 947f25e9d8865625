// The catalogue's filter box: hide rows whose text does not contain every
// word typed, and the tables and sections left empty. No dependencies.
(function () {
  "use strict";
  var box = document.getElementById("filter");
  if (!box) {
    return;
  }
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
}());
