/* Find a learner in a long list: typing in an input with data-filter-rows="#tbody" hides
   the rows whose data-name does not contain every word typed, and says how many show.
   Without JavaScript the input stays hidden and every row shows. */
(function () {
  document.querySelectorAll("[data-filter-rows]").forEach(function (input) {
    var body = document.querySelector(input.dataset.filterRows);
    var status = document.getElementById(input.getAttribute("aria-describedby"));
    if (!body) return;
    input.closest("[hidden]") && input.closest("[hidden]").removeAttribute("hidden");
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0, rows = body.querySelectorAll("tr[data-name]");
      rows.forEach(function (row) {
        var name = row.dataset.name;
        var match = words.every(function (w) { return name.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      // The page may say it in its language: data-shown-text="{shown} de {total} ..." on the
      // status element (English otherwise).
      var template = status && status.getAttribute("data-shown-text");
      if (status) {
        status.textContent = !words.length ? "" : template
          ? template.replace("{shown}", shown).replace("{total}", rows.length)
          : shown + " of " + rows.length + " shown";
      }
    });
  });
})();
