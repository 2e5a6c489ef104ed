// A searchable picker for any <select data-picker>: Tom Select (vendored) over the select's own
// options, so the page works the same without script. The search ignores accents and case
// (Tom Select folds diacritics), keeps the option groups in the server's order (pinned and
// recent first, say), shows the first matches, and the first one is active: two letters and
// Enter choose it. `data-picker-empty` is the "nothing matches" text; `data-picker-submit`
// submits the select's form once a choice is made (the week's "add a row").
(function () {
  "use strict";

  function enhance(select) {
    if (select.tomselect || typeof window.TomSelect !== "function") return;
    var placeholder = select.querySelector('option[value=""]');
    var empty = select.getAttribute("data-picker-empty") || "";
    var picker = new window.TomSelect(select, {
      maxOptions: 60,
      // Filter at each key, not 300 ms later: two letters and Enter choose what they show.
      refreshThrottle: 0,
      lockOptgroupOrder: true,
      allowEmptyOption: false,
      openOnFocus: true,
      selectOnTab: false,
      placeholder: placeholder ? placeholder.textContent : "",
      searchField: ["text"],
      // The server's order (pinned, recent, department, the rest) while nothing is typed; the
      // best matches first once something is.
      sortField: [{ field: "$score" }, { field: "$order" }],
      render: {
        no_results: function () {
          var div = document.createElement("div");
          div.className = "no-results";
          div.textContent = empty;
          return div;
        },
      },
      onInitialize: function () {
        // The select stays in the page for its form, out of reach (the search field replaces it).
        select.setAttribute("aria-hidden", "true");
        // The label of the select names the search field too.
        var label = select.id && document.querySelector('label[for="' + select.id + '"]');
        var input = this.control_input;
        if (label && input) {
          label.setAttribute("for", input.id);
          var described = select.getAttribute("aria-describedby");
          if (described) input.setAttribute("aria-describedby", described);
        }
      },
    });
    if (select.hasAttribute("data-picker-submit")) {
      // Choosing submits: the form's own button is for pages without script.
      if (select.form) select.form.classList.add("picker-submits");
      picker.on("change", function (value) {
        if (!value) return;
        var form = select.form;
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      });
    }
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll("select[data-picker]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhanceAll();
    });
  } else {
    enhanceAll();
  }
  // Pickers that arrive with an HTMX swap (an outerHTML swap's element is the one replaced:
  // the whole document is looked at, the pickers already drawn being skipped).
  document.addEventListener("htmx:afterSettle", function () {
    enhanceAll();
  });
})();
