// The week grid's keyboard and small comforts; saving itself is HTMX (attributes in the HTML).
(function () {
  "use strict";

  function gridRows() {
    var body = document.getElementById("week-rows");
    if (!body) return [];
    return Array.prototype.filter.call(body.rows, function (row) {
      return row.querySelector("input.hours, a.entries-sum");
    });
  }

  function focusCell(rows, rowIndex, cellIndex) {
    if (rowIndex < 0 || rowIndex >= rows.length) return false;
    var cell = rows[rowIndex].cells[cellIndex];
    // A cell of several entries holds their sum, a link to the day's list, instead of a field.
    var input = cell && cell.querySelector("input.hours, a.entries-sum");
    if (!input) return false;
    input.focus();
    if (input.select) input.select();
    return true;
  }

  function caretAtStart(input) {
    return input.selectionStart === 0 && (input.selectionEnd === 0 || input.selectionEnd === input.value.length);
  }

  function caretAtEnd(input) {
    var end = input.value.length;
    return input.selectionEnd === end && (input.selectionStart === end || input.selectionStart === 0);
  }

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    var isSum = input instanceof HTMLAnchorElement && input.classList.contains("entries-sum");
    if (!isSum && !(input instanceof HTMLInputElement && input.classList.contains("hours"))) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // On a sum, Enter opens the list (the link's own action); the arrows still move.
    if (isSum && event.key === "Enter") return;
    var td = input.closest("td");
    var rows = gridRows();
    var rowIndex = rows.indexOf(td.parentElement);
    var cellIndex = td.cellIndex;
    var moved = false;
    switch (event.key) {
      case "ArrowUp":
        moved = focusCell(rows, rowIndex - 1, cellIndex);
        break;
      case "ArrowDown":
        moved = focusCell(rows, rowIndex + 1, cellIndex);
        break;
      case "ArrowLeft":
        if (isSum || caretAtStart(input)) moved = focusCell(rows, rowIndex, cellIndex - 1);
        break;
      case "ArrowRight":
        if (isSum || caretAtEnd(input)) moved = focusCell(rows, rowIndex, cellIndex + 1);
        break;
      case "Enter":
        event.preventDefault();
        // Leaving the cell commits it (the "change" event HTMX listens to); on the last row,
        // leave and come back so that Enter still saves.
        if (!focusCell(rows, rowIndex + 1, cellIndex)) {
          input.blur();
          input.focus();
        }
        return;
    }
    if (moved) event.preventDefault();
  });

  // Adding a row: a mandate already in the grid is only focused, never added twice.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches("form.add-row")) return;
    var select = form.querySelector("select");
    var existing = document.getElementById("row-" + select.value);
    if (existing) {
      event.preventDefault();
      var input = existing.querySelector("input.hours:not([readonly])");
      if (input) input.focus();
    }
  });

  var focusAfterSettle = null;

  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    if (event.detail.successful && elt.matches && elt.matches("form.comment-form")) {
      focusAfterSettle = elt.getAttribute("data-cell");
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target.id === "week-rows") {
      var empty = document.getElementById("week-empty");
      if (empty) empty.remove();
      var form = document.querySelector("form.add-row");
      var select = form && form.querySelector("select");
      if (select) {
        var chosen = select.querySelector('option[value="' + select.value + '"]');
        if (chosen && chosen.value) chosen.remove();
        select.value = "";
      }
      var rows = gridRows();
      var last = rows[rows.length - 1];
      var input = last && last.querySelector("input.hours:not([readonly])");
      if (input) input.focus();
    } else if (target.id === "comment-panel") {
      // A comment: its text; a day's list of entries: the field the server marked (after an
      // addition, the next one's), else its first field.
      var field =
        target.querySelector("textarea") ||
        target.querySelector("[data-focus]") ||
        target.querySelector(".day-entries input:not([type=hidden])");
      if (field) {
        target.scrollIntoView({ block: "nearest" });
        field.focus();
      }
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!focusAfterSettle) return;
    var button = document.querySelector("#cell-" + focusAfterSettle + " .comment-button");
    focusAfterSettle = null;
    if (button) button.focus();
  });

  // Closing a day's list: back to its cell (redrawn since, maybe: found by its key).
  document.addEventListener("click", function (event) {
    var close = event.target.closest && event.target.closest("[data-entries-close]");
    if (!close) return;
    event.preventDefault();
    var key = close.getAttribute("data-entries-close");
    document.getElementById("comment-panel").innerHTML = "";
    var cell = document.getElementById("cell-" + key);
    var back = cell && cell.querySelector(".entries-sum, input.hours:not([readonly]), .entries-button");
    if (back) back.focus();
  });

  document.addEventListener("click", function (event) {
    var cancel = event.target.closest && event.target.closest("[data-comment-cancel]");
    if (!cancel) return;
    event.preventDefault();
    var key = cancel.getAttribute("data-comment-cancel");
    document.getElementById("comment-panel").innerHTML = "";
    var button = document.querySelector("#cell-" + key + " .comment-button");
    if (button) button.focus();
  });
})();
