/* "Copy link" buttons: <button data-copy-target="ID" data-copy-status="ID" hidden>.
 * The button copies the value (or text) of the element with id ID and says "Copied" in
 * the status element (role="status", so screen readers announce it). The page may give
 * the messages in its language: data-copied="..." and data-copy-failed="..." on the
 * button (English otherwise). Without JavaScript
 * the button stays hidden and the link can still be selected and copied by hand.
 * A static file, no inline script: works under a strict Content-Security-Policy. */
(function () {
  "use strict";

  function copyText(text, field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      field.focus();
      field.select();
      try {
        if (document.execCommand("copy")) { resolve(); } else { reject(new Error("copy")); }
      } catch (error) { reject(error); }
    });
  }

  function say(status, message) {
    if (!status) { return; }
    status.textContent = "";
    // A new text node after clearing makes screen readers announce it again.
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = "value" in field ? field.value : field.textContent;
      copyText(text, field).then(
        function () {
          say(status, button.getAttribute("data-copied") ||
            "Copied: the link is on your clipboard.");
        },
        function () {
          field.focus();
          field.select();
          say(status, button.getAttribute("data-copy-failed") ||
            "Could not copy. The link is selected: press Ctrl+C (or ⌘C) to copy it.");
        }
      );
    });
  });
})();
