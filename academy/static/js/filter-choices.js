// "Type to find" above a list of checkboxes (academy/widgets.py FilteredCheckboxSelectMultiple).
(function () {
  function setUp(box) {
    if (box.dataset.filterReady) return;
    box.dataset.filterReady = "1";
    var input = box.querySelector("[data-filter-input]");
    var status = box.querySelector("[data-filter-status]");
    var items = Array.prototype.slice.call(box.querySelectorAll("input[type=checkbox]")).map(function (cb) {
      var item = cb.closest("div") || cb.parentElement;
      return { item: item, text: (item.textContent || "").toLowerCase(), box: cb };
    });
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (it) {
        var match = !q || it.text.indexOf(q) !== -1 || it.box.checked;
        it.item.hidden = !match;
        if (match) shown += 1;
      });
      // The page may say it in its language: data-shown-text="{shown} de {total} ..." on the
      // status element (English otherwise).
      var template = status.getAttribute("data-shown-text");
      status.textContent = !q ? "" : template
        ? template.replace("{shown}", shown).replace("{total}", items.length)
        : shown + " of " + items.length + " shown (checked ones stay visible)";
    });
  }
  function all() {
    document.querySelectorAll("[data-filter-choices]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
  else all();
})();
