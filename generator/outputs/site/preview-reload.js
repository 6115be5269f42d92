/*
 * The live preview's reload (`briefing serve` only): waits for MkDocs' next
 * finished build, then reloads the page. MkDocs' own reload script is inline,
 * which the pages' Content-Security-Policy refuses; this one is a file of the
 * site. It asks the server's /livereload/ endpoint, as MkDocs' script does:
 * with epoch 0 the answer is the current build, with that build the answer
 * comes when a newer one is served.
 */
(function () {
  "use strict";
  function wait(epoch) {
    fetch("/livereload/" + epoch + "/0")
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var served = parseInt(text, 10);
        if (epoch && served > epoch) {
          window.location.reload();
        } else {
          wait(served);
        }
      })
      .catch(function () { window.setTimeout(function () { wait(epoch); }, 1000); });
  }
  wait(0);
})();
