/*
 * The reader's stored colour scheme, applied before the page is drawn so a
 * dark page does not flash light. Material's own inline script
 * (partials/javascripts/palette.html), from a file because the pages'
 * Content Security Policy refuses inline scripts. It runs in the header,
 * after the scheme toggle's inputs and after briefing.js (__md_get).
 */
(function () {
  var palette = __md_get("__palette");
  if (!palette || !palette.color) { return; }
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (!input) { return; }
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      palette.color[key] = input.getAttribute("data-md-color-" + key);
    });
  }
  Object.keys(palette.color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, palette.color[key]);
  });
})();
