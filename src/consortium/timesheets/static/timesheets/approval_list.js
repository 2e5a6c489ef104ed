// The approval list: one box ticks or unticks every week of the table (shown only with
// JavaScript: without it, each week is ticked by hand).
(function () {
  "use strict";
  function start() {
    document.querySelectorAll("input[data-select-all]").forEach(function (all) {
      var form = all.form;
      var name = all.getAttribute("data-select-all");
      function boxes() {
        return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + name + '"]'));
      }
      function reflect() {
        var ticked = boxes().filter(function (box) { return box.checked; }).length;
        all.checked = ticked > 0 && ticked === boxes().length;
        all.indeterminate = ticked > 0 && ticked < boxes().length;
      }
      all.hidden = false;
      all.addEventListener("change", function () {
        boxes().forEach(function (box) { box.checked = all.checked; });
        reflect();
      });
      form.addEventListener("change", function (event) {
        if (event.target !== all) { reflect(); }
      });
      reflect();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
