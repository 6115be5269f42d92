/*
 * The site's search worker: Material's own (named in this script's address,
 * ?material=search.<hash>.min.js), with what a news site's readers need.
 * The theme's config block points Material at this file (main.html).
 *
 * 1. Accents: every word lunr indexes or looks up is folded first (lower
 *    case, accents removed, ß as ss), so "Elysee" finds "Élysée" and
 *    "Élysée" finds it too. Results still show and mark the page's own words.
 *
 * 2. Spellings: each language's index carries `config.spellings`, the other
 *    spellings of every name (the other language's, a record's `aliases`;
 *    generator/outputs/site/search_spellings.py). A word typed in one of
 *    them is looked up in the language's own spelling as well, so
 *    "Selenskyj" on /en/ finds "Zelensky".
 *
 * 3. Stemming: Material appends "*" to every word, and lunr does not stem a
 *    word with a wildcard, so a stemmed index misses whole words whose stem
 *    is no prefix of them ("Zelensky" is indexed as "zelenski"). Each word is
 *    therefore looked up twice: as typed (a prefix, while typing) and with a
 *    neutral boost "^1", which lunr stems with the language's stemmer.
 *
 * 4. What matched: Material marks a typed word "Missing" unless an indexed
 *    word starts with it, so every word found through its stem, a spelling or
 *    its accents was marked missing, and the link's highlight (?h=) left it
 *    out. Here a typed word is missing only if none of its forms matched;
 *    the link highlights the words marked in the result (the page's own
 *    words), the page's link those of all its sections; scores and order
 *    follow the corrected matches, as Material computes them.
 */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var material = new URLSearchParams(location.search).get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error("briefing-search.js: no Material search worker named in ?material=");

  var state = {language: "en", spellings: {}, separator: /[\s\-]+/, groups: [], matches: new Map()};

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
  }

  function languageFunction(name) {
    var lunr = self.lunr, space = state.language === "en" ? lunr : lunr[state.language];
    return space && space[name];
  }

  function stem(word) {
    var stemmer = languageFunction("stemmer");
    return stemmer ? String(stemmer(new self.lunr.Token(word))) : word;
  }

  function isStopWord(word) {
    var filter = languageFunction("stopWordFilter");
    return filter ? !filter(new self.lunr.Token(word)) : false;
  }

  /* The query lunr gets, and each typed word's forms (`groups`) for the results. */
  function expand(query) {
    state.groups = [];
    var folded = fold(query);
    if (folded.indexOf('"') >= 0)
      return folded;
    return folded.trim().split(/\s+/).map(function (part) {
      if (!/^[\p{L}\p{N}\-]+$/u.test(part))
        return part;
      return part.split(state.separator).filter(Boolean).map(function (word) {
        var forms = [word].concat((state.spellings[word] || []).filter(function (form) {
          return form !== word && !isStopWord(form);
        }));
        state.groups.push({word: word, forms: forms});
        return forms.map(function (form) { return form + " " + form + "^1"; }).join(" ");
      }).join(" ");
    }).join(" ");
  }

  function marked(item) {
    var found = [], pattern = /<mark>([\s\S]*?)<\/mark>/g, text = (item.title || "") + " " + (item.text || ""), m;
    while ((m = pattern.exec(text)) !== null)
      found.push(m[1].replace(/<[^>]*>/g, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase());
    return found;
  }

  function matchedGroups(item) {
    var match = state.matches.get(item.location);
    if (!match)
      return [];
    return state.groups.filter(function (group) {
      return group.forms.some(function (form) {
        var stemmed = stem(form);
        return match.keys.some(function (key) { return key.indexOf(form) === 0 || key === stemmed; });
      });
    });
  }

  function correct(item) {
    var match = state.matches.get(item.location);
    if (!match || !state.groups.length)
      return item;
    var hits = matchedGroups(item), terms = {};
    marked(item).forEach(function (word) { terms[word] = true; });
    hits.forEach(function (group) {
      if (!Object.keys(terms).length)
        terms[group.forms[0]] = true;
    });
    state.groups.forEach(function (group) {
      if (hits.indexOf(group) < 0 && !isStopWord(group.word))
        terms[group.word] = false;
    });
    var boost = (item.parent ? 0 : 1) + hits.length / state.groups.length;
    return Object.assign({}, item, {terms: terms, score: match.score * (1 + boost * boost)});
  }

  function correctResult(result) {
    var pages = result.items.map(function (items) {
      var corrected = items.map(correct).sort(function (a, b) { return b.score - a.score; });
      var found = {};
      corrected.forEach(function (item) {
        Object.keys(item.terms).forEach(function (word) { if (item.terms[word]) found[word] = true; });
      });
      return corrected.map(function (item) {
        return state.matches.has(item.location) ? item : Object.assign({}, item, {terms: found});
      });
    });
    pages.sort(function (a, b) { return b[0].score - a[0].score; });
    return Object.assign({}, result, {items: pages});
  }

  /* Before Material's own handler (added by importScripts below), which reads the same message. */
  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      var config = message.data.config;
      state.language = config.lang.length === 1 ? config.lang[0] : "en";
      state.spellings = config.spellings || {};
      state.separator = new RegExp(config.separator || "[\\s\\-]+");
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = expand(message.data);
    }
  });

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items)
      arguments[0] = Object.assign({}, message, {data: correctResult(message.data)});
    return post.apply(self, arguments);
  };

  importScripts(material);

  var lunr = self.lunr;
  var run = lunr.Pipeline.prototype.run;
  lunr.Pipeline.prototype.run = function (tokens) {
    return run.call(this, tokens.map(function (token) { return token.update(fold); }));
  };
  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    var results = search.call(this, query);
    state.matches = new Map(results.map(function (result) {
      return [result.ref, {score: result.score, keys: Object.keys(result.matchData.metadata)}];
    }));
    return results;
  };
})();
