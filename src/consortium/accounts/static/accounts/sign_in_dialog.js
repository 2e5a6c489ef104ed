// A page left open past its session keeps what was typed: a background (HTMX) request answered
// 401 or 403 with the header X-Sign-In-Required (accounts/middleware.py) opens the page's sign-in
// dialog (accounts/_sign_in_dialog.html); once signed in, with the new security token, every
// request that failed is sent again. `window.consortiumSignIn.whenSignedIn(run)` lets a page's
// own script do the same before a plain form's submission.
(function () {
  "use strict";

  var pending = [];
  var asking = false;
  var retries = new WeakMap();

  function dialog() {
    return document.getElementById("sign-in-dialog");
  }

  // The new token goes wherever the page's requests take it from: HTMX's headers, the forms.
  function useToken(token) {
    if (!token) return;
    var headers = {};
    try {
      headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    } catch (error) {
      headers = {};
    }
    headers["X-CSRFToken"] = token;
    document.body.setAttribute("hx-headers", JSON.stringify(headers));
    document.querySelectorAll('input[name="csrfmiddlewaretoken"]').forEach(function (input) {
      input.value = token;
    });
  }

  function ask(init) {
    var box = dialog();
    return fetch(box.getAttribute("data-url"), Object.assign({ credentials: "same-origin" }, init))
      .then(function (response) {
        return response.json().catch(function () {
          return { authenticated: false, error: box.getAttribute("data-failed") };
        });
      })
      .then(function (state) {
        useToken(state.csrfToken);
        return state;
      });
  }

  function signedInAs(state) {
    var expected = dialog().getAttribute("data-username");
    return state.authenticated && (!expected || state.username === expected);
  }

  function resume(state) {
    asking = false;
    if (!signedInAs(state)) {
      // Someone else signed in: this page's hours are not theirs to save.
      window.location.reload();
      return;
    }
    var waiting = pending;
    pending = [];
    waiting.forEach(function (run) {
      run();
    });
  }

  function open() {
    var box = dialog();
    var error = document.getElementById("sign-in-error");
    error.hidden = true;
    error.textContent = "";
    if (!box.open) box.showModal();
    var password = document.getElementById("sign-in-password");
    var username = document.getElementById("sign-in-username");
    (username.value ? password : username).focus();
  }

  // Run `run` once the page's session is alive (at once if it is), signing in first if need be.
  function whenSignedIn(run) {
    pending.push(run);
    if (asking) return;
    asking = true;
    ask({ method: "GET" }).then(
      function (state) {
        if (signedInAs(state) || state.authenticated) resume(state);
        else open();
      },
      function () {
        asking = false;
      }
    );
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "sign-in-form") return;
    event.preventDefault();
    var headers = {};
    var token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
    if (token) headers["X-CSRFToken"] = token;
    ask({ method: "POST", body: new FormData(form), headers: headers }).then(function (state) {
      if (state.authenticated) {
        document.getElementById("sign-in-password").value = "";
        dialog().close();
        resume(state);
        return;
      }
      var error = document.getElementById("sign-in-error");
      error.textContent = state.error || dialog().getAttribute("data-failed");
      error.hidden = false;
      document.getElementById("sign-in-password").focus();
    });
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-sign-in-later]")) return;
    dialog().close();
  });

  // Closed without signing in (Escape, "Later"): the failed requests stay marked on the page
  // and are asked again at the next failure.
  document.addEventListener(
    "close",
    function (event) {
      if (event.target === dialog() && pending.length) asking = false;
    },
    true
  );

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (!dialog() || !xhr.getResponseHeader("X-Sign-In-Required")) return;
    var elt = event.detail.elt;
    var config = event.detail.requestConfig || {};
    var type = (config.triggeringEvent && config.triggeringEvent.type) || "click";
    // A request refused again right after a sign-in is not sent a third time (no loop).
    var tries = retries.get(elt) || 0;
    if (tries >= 2) return;
    retries.set(elt, tries + 1);
    whenSignedIn(function () {
      if (document.body.contains(elt)) htmx.trigger(elt, type);
    });
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) retries.delete(event.detail.elt);
  });

  window.consortiumSignIn = { whenSignedIn: whenSignedIn };
})();
