// The Quebec region and the NEQ apply only to an organisation of Quebec: hidden (and emptied)
// for any other province or country. Without JavaScript they stay, and the server refuses them.
(function () {
  "use strict";
  function setUp() {
    var province = document.querySelector("[data-province]");
    var country = document.querySelector("[data-country]");
    if (!province || !country) return;
    var quebecOnly = document.querySelectorAll("[data-quebec-only]");
    function update() {
      var inQuebec = province.value === "QC" && country.value.trim().toUpperCase() === "CA";
      quebecOnly.forEach(function (field) {
        var row = field.closest("div");
        if (!inQuebec) field.value = "";
        if (row) row.hidden = !inQuebec;
      });
    }
    province.addEventListener("change", update);
    country.addEventListener("input", update);
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
