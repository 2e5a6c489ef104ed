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

  // --- the phone's one-day view: the day switcher shows one day's column ----------------------

  function oneDayView() {
    return window.matchMedia("(max-width: 640px)").matches;
  }

  function showDay(index) {
    var table = document.getElementById("week-grid");
    if (!table || index < 0 || index > 6) return;
    table.setAttribute("data-shown-day", String(index));
    document.querySelectorAll("[data-show-day]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-show-day") === String(index) ? "true" : "false");
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-show-day]");
    if (button) showDay(Number(button.getAttribute("data-show-day")));
  });

  // Saves that overlap may answer out of order: a total read before the one shown is dropped.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var incoming = event.detail.fragment && event.detail.fragment.firstElementChild;
    var shown = event.detail.target;
    if (!incoming || !shown || !incoming.hasAttribute("data-at")) return;
    var shownAt = shown.getAttribute("data-at");
    if (shownAt && BigInt(incoming.getAttribute("data-at")) < BigInt(shownAt)) {
      event.detail.shouldSwap = false;
    }
  });

  // The switcher's totals follow the day totals a saved cell updates.
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("[data-total-of]").forEach(function (total) {
      var source = document.getElementById("day-total-" + total.getAttribute("data-total-of"));
      if (source) total.textContent = source.textContent;
    });
  });

  function focusCell(rows, rowIndex, cellIndex) {
    if (rowIndex < 0 || rowIndex >= rows.length) return false;
    var cell = rows[rowIndex].cells[cellIndex];
    // On a phone, moving to another day shows that day.
    if (cell && oneDayView() && cell.hasAttribute("data-day")) {
      showDay(Number(cell.getAttribute("data-day")));
    }
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

  function grid() {
    return document.getElementById("week-grid");
  }

  function openComment(cell) {
    var button = cell && cell.querySelector(".comment-button");
    if (button) {
      button.click();
      return;
    }
    // No entry yet, hence nothing to comment: say so where the comment would have opened.
    var panel = document.getElementById("comment-panel");
    var note = document.createElement("p");
    note.className = "muted";
    note.textContent = grid().getAttribute("data-no-comment");
    panel.replaceChildren(note);
  }

  function focusCellInput(key) {
    var cell = document.getElementById("cell-" + key);
    var back = cell && cell.querySelector("input.hours, .entries-sum");
    if (back) back.focus();
  }

  // --- a save that failed: the cell keeps its value and says so, in words -------------------

  function markUnsaved(input, signIn) {
    var cell = input.closest(".cell");
    if (!cell) return;
    var key = cell.id.replace(/^cell-/, "");
    var note = cell.querySelector(".cell-unsaved");
    if (!note) {
      note = document.createElement("span");
      note.className = "cell-error cell-unsaved";
      note.id = "unsaved-" + key;
      note.setAttribute("role", "alert");
      cell.appendChild(note);
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      described.push(note.id);
      input.setAttribute("aria-describedby", described.join(" "));
    }
    note.textContent = grid().getAttribute(signIn ? "data-unsaved-session" : "data-unsaved");
    cell.classList.add("unsaved");
    input.setAttribute("aria-invalid", "true");
  }

  function failedCellInput(event) {
    var elt = event.detail.elt;
    return elt instanceof HTMLInputElement && elt.classList.contains("hours") ? elt : null;
  }

  document.addEventListener("htmx:responseError", function (event) {
    var input = failedCellInput(event);
    if (!input) return;
    markUnsaved(input, Boolean(event.detail.xhr.getResponseHeader("X-Sign-In-Required")));
  });

  document.addEventListener("htmx:sendError", function (event) {
    var input = failedCellInput(event);
    if (input) markUnsaved(input, false);
  });

  // --- the submission waits for the cells being saved, and stops on cells in error ----------

  function cellsInError() {
    return Array.prototype.map.call(
      document.querySelectorAll("#week-rows .cell.invalid, #week-rows .cell.unsaved"),
      function (cell) {
        var key = cell.id.replace(/^cell-/, "");
        var label = cell.querySelector("label") || cell.querySelector(".entries-sum .visually-hidden");
        var error = cell.querySelector(".cell-unsaved") || cell.querySelector(".cell-error");
        return {
          key: key,
          label: label ? label.textContent.replace(/^\s*h — [^,]*,\s*/, "").trim() : key,
          error: error ? error.textContent.trim() : "",
        };
      }
    );
  }

  function showBlocked(cells) {
    var box = document.getElementById("week-blocked");
    var list = document.getElementById("week-blocked-cells");
    list.replaceChildren();
    cells.forEach(function (cell) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#hours-" + cell.key;
      link.setAttribute("data-cell-link", cell.key);
      link.textContent = cell.label;
      item.appendChild(link);
      if (cell.error) item.appendChild(document.createTextNode(" — " + cell.error));
      list.appendChild(item);
    });
    box.hidden = false;
    box.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-cell-link]");
    if (!link) return;
    event.preventDefault();
    focusCellInput(link.getAttribute("data-cell-link"));
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.closest || !form.closest(".week-actions")) return;
    event.preventDefault();
    var waited = 0;
    (function attempt() {
      // A cell still being saved (left by clicking the button) is waited for, not lost.
      if (document.querySelector("#week-rows .htmx-request") && waited < 100) {
        waited += 1;
        window.setTimeout(attempt, 100);
        return;
      }
      if (form.id === "week-submit-form") {
        var cells = cellsInError();
        if (cells.length) {
          showBlocked(cells);
          return;
        }
      }
      var box = document.getElementById("week-blocked");
      if (box) box.hidden = true;
      // The page is redrawn in place (HTMX, `hx-trigger="confirmed"`), the focus kept; an
      // expired session signs in on the page first, instead of losing the action.
      var send = function () {
        if (window.htmx) window.htmx.trigger(form, "confirmed");
        else form.submit();
      };
      if (window.consortiumSignIn) window.consortiumSignIn.whenSignedIn(send);
      else send();
    })();
  });

  // --- the grid takes the focus on load: today's cell, else the first one -------------------

  function focusOnLoad() {
    var table = grid();
    if (!table || window.location.hash) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    var cells = table.querySelectorAll("#week-rows input.hours, #week-rows a.entries-sum");
    var today = table.getAttribute("data-today");
    var editable = Array.prototype.filter.call(cells, function (cell) {
      return !cell.readOnly;
    });
    var chosen =
      editable.find(function (cell) {
        return today && cell.id.slice(-today.length) === today;
      }) ||
      editable[0] ||
      cells[0];
    if (!chosen) return;
    chosen.focus();
    if (chosen.select) chosen.select();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusOnLoad);
  } else {
    focusOnLoad();
  }

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    var isSum = input instanceof HTMLAnchorElement && input.classList.contains("entries-sum");
    if (!isSum && !(input instanceof HTMLInputElement && input.classList.contains("hours"))) return;
    // "+" (never part of hours) goes to the picker that adds a row.
    if (event.key === "+" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      var ts = picker();
      if (ts) {
        event.preventDefault();
        ts.focus();
        return;
      }
    }
    // "/" (never part of hours) opens the comment of the cell, its button being out of Tab's way.
    if (event.key === "/" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      openComment(input.closest(".cell"));
      return;
    }
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
        // Leaving the cell commits it (the "change" event HTMX listens to). Down the day's
        // column, then from its last row to the next day's first (a week typed day by day);
        // on the week's last cell, leave and come back so that Enter still saves.
        if (!focusCell(rows, rowIndex + 1, cellIndex) && !focusCell(rows, 0, cellIndex + 1)) {
          input.blur();
          input.focus();
        }
        return;
    }
    if (moved) event.preventDefault();
  });

  // The last cell the keyboard was in: Escape in the picker goes back to it.
  var lastCell = null;
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target.closest && target.closest("#week-rows") && target.matches("input.hours, a.entries-sum")) {
      lastCell = target.closest(".cell") && target.closest(".cell").id;
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var ts = picker();
    if (!ts || event.target !== ts.control_input || ts.isOpen) return;
    var cell = lastCell && document.getElementById(lastCell);
    var back = cell && cell.querySelector("input.hours, a.entries-sum");
    if (back) {
      event.preventDefault();
      back.focus();
    }
  });

  // In a comment: Ctrl+Enter (⌘+Enter) saves it, Escape leaves it unsaved.
  document.addEventListener("keydown", function (event) {
    var form = event.target.closest && event.target.closest("form.comment-form");
    if (!form || event.target.tagName !== "TEXTAREA") return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // A form just drawn may not be HTMX's yet (it is taken in as the swap settles): take it
      // in now, so that it saves in place instead of reloading the page.
      if (window.htmx) window.htmx.process(form);
      if (form.requestSubmit) form.requestSubmit();
    } else if (event.key === "Escape") {
      var cancel = form.querySelector("[data-comment-cancel]");
      if (cancel) {
        event.preventDefault();
        cancel.click();
      }
    }
  });

  function picker() {
    var select = document.getElementById("add-mandate");
    return select && select.tomselect;
  }

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

  // Taking a row out: its mandate goes back to the picker, the focus to the next row.
  var removedRow = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!form || !form.matches || !form.matches("form.row-remove")) return;
    if (event.detail.xhr.getResponseHeader("HX-Retarget")) return;
    var row = form.closest("tr");
    var rows = gridRows();
    var index = rows.indexOf(row);
    removedRow = {
      value: row.id.replace(/^row-/, ""),
      text: row.getAttribute("data-label"),
      next: rows[index + 1] || rows[index - 1] || null,
    };
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!removedRow) return;
    var removed = removedRow;
    removedRow = null;
    var ts = picker();
    if (ts) ts.addOption({ value: removed.value, text: removed.text });
    var input = removed.next && removed.next.querySelector("input.hours:not([readonly])");
    if (input) input.focus();
    else if (ts) ts.focus();
  });

  var focusAfterSettle = null;

  // A comment opens next to its cell on a wide screen (below the grid on a phone, where the
  // panel takes the width). Its place is a rule of a stylesheet the script owns, never a style
  // attribute: the Content-Security-Policy refuses those when HTMX carries them over a swap.
  var placement = null;
  function placementSheet() {
    if (placement || !document.adoptedStyleSheets || typeof CSSStyleSheet !== "function") {
      return placement;
    }
    try {
      placement = new CSSStyleSheet();
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([placement]);
    } catch (error) {
      placement = null;
    }
    return placement;
  }

  function placeNextToCell(panel) {
    var place = document.getElementById("comment-place");
    var sheet = placementSheet();
    if (!place || !sheet) return;
    place.classList.remove("beside-cell");
    var form = panel.querySelector("[data-cell]");
    var key = form && form.getAttribute("data-cell");
    var cell = key && document.getElementById("cell-" + key);
    if (!cell || window.innerWidth < 900) return;
    var card = place.offsetParent || document.body;
    var cellBox = cell.getBoundingClientRect();
    var cardBox = card.getBoundingClientRect();
    var width = Math.min(384, window.innerWidth * 0.9);
    var left = cellBox.right - cardBox.left + 8;
    if (left + width > cardBox.width) left = Math.max(0, cellBox.left - cardBox.left - width - 8);
    var top = cellBox.top - cardBox.top;
    sheet.replaceSync(
      "#comment-place.beside-cell { top: " + Math.round(top) + "px; left: " + Math.round(left) + "px; }"
    );
    place.classList.add("beside-cell");
  }

  // The week redrawn after a copy, a submission or a withdrawal (or its confirmation): the focus
  // stays where it was — the same button, or the one that took its place (`data-focus-after`).
  var weekFocus = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt.getAttribute || elt.getAttribute("hx-target") !== "#week-page") return;
    var active = document.activeElement;
    var button = elt.matches("form") ? elt.querySelector("button[type=submit]") : elt;
    weekFocus = {
      id: active && active.id,
      after: (button && button.getAttribute("data-focus-after")) || "",
    };
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!weekFocus) return;
    var wanted = weekFocus;
    weekFocus = null;
    var target =
      document.querySelector("#week-page [data-autofocus]") ||
      (wanted.id && document.getElementById(wanted.id)) ||
      (wanted.after && document.getElementById(wanted.after)) ||
      document.getElementById("messages");
    if (target) {
      if (target.id === "messages") target.setAttribute("tabindex", "-1");
      target.focus();
    }
  });

  // Before the swap: the form is gone by the time of "afterRequest" (the panel is redrawn).
  document.addEventListener("htmx:beforeSwap", function (event) {
    var elt = (event.detail.requestConfig && event.detail.requestConfig.elt) || event.detail.elt;
    var status = event.detail.xhr.status;
    if (status >= 200 && status < 300 && elt.matches && elt.matches("form.comment-form")) {
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
      if (select && select.value) {
        var added = select.value;
        if (select.tomselect) {
          select.tomselect.clear(true);
          select.tomselect.removeOption(added);
          select.tomselect.close();
        } else {
          var chosen = select.querySelector('option[value="' + added + '"]');
          if (chosen) chosen.remove();
          select.value = "";
        }
      }
      var rows = gridRows();
      var last = rows[rows.length - 1];
      var input = last && last.querySelector("input.hours:not([readonly])");
      if (input) input.focus();
    } else if (target.id === "comment-panel") {
      placeNextToCell(target);
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

  // A comment saved or cancelled: back to its cell (the button is out of the Tab order).
  document.addEventListener("htmx:afterSettle", function () {
    if (!focusAfterSettle) return;
    var key = focusAfterSettle;
    focusAfterSettle = null;
    focusCellInput(key);
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
    focusCellInput(key);
  });
})();
