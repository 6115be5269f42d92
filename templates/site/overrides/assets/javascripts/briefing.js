/*
 * The briefing site's own script, loaded from a file so the pages' Content
 * Security Policy can refuse every inline script (see partials/csp.html).
 *
 * 1. Material's helpers, which its theme writes inline into every page
 *    (partials/javascripts/base.html): the storage scope and get/set/hash.
 *    The scope arrives in this script tag's data-md-scope attribute, relative
 *    to the page's base (a not-found page's is its language's root).
 *
 * 2. Sitemaps: Material fetches `sitemap.xml` next to every <link
 *    rel="alternate"> to keep readers on the same page when they switch
 *    language (a design for one site per language; squidfunk/mkdocs-material
 *    #6582). Here the language switch links each page to its counterpart
 *    already, and those sitemaps do not exist: the requests would only fail,
 *    so they are stopped before they are sent.
 *
 * Search itself (stemming, accents, spellings of names, what matched) is
 * the site's search worker's: assets/javascripts/workers/briefing-search.js.
 */
var __md_scope = new URL(document.currentScript.dataset.mdScope, document.baseURI);
var __md_hash = function (value) {
  return [].reduce.call(value, function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
};
var __md_get = function (key, storage, scope) {
  return JSON.parse((storage || localStorage).getItem((scope || __md_scope).pathname + "." + key));
};
var __md_set = function (key, value, storage, scope) {
  try {
    (storage || localStorage).setItem((scope || __md_scope).pathname + "." + key, JSON.stringify(value));
  } catch (e) { /* storage full or disabled: Material works without it */ }
};

(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__sitemap = /\/sitemap\.xml$/.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__sitemap) { this.abort(); return; }
    return send.apply(this, arguments);
  };
})();
