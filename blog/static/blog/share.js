/*
 * The Share button. Where the browser has the Web Share API it opens the browser's own share
 * sheet; elsewhere (or if that fails) it opens the plain choices: the link to copy and the
 * share links. Nothing is requested from any other site until the reader picks one.
 * Without JavaScript the button stays hidden and the choices are simply shown.
 */
(function () {
    "use strict";

    function setUp(panel) {
        var button = panel.querySelector("[data-share-button]");
        var choices = panel.querySelector("[data-share-choices]");
        var copy = panel.querySelector("[data-share-copy]");
        var field = panel.querySelector("[data-share-field]");
        var status = panel.querySelector("[data-share-status]");
        var url = panel.getAttribute("data-share-url");
        var title = panel.getAttribute("data-share-title");

        function say(message) {
            status.textContent = "";
            // A fresh text node in the live region, so the same message is announced again.
            window.setTimeout(function () { status.textContent = message; }, 50);
        }

        function openChoices() {
            choices.hidden = false;
            button.setAttribute("aria-expanded", "true");
            copy.focus();
        }

        function copiedByCommand() {
            field.focus();
            field.select();
            try {
                return document.execCommand("copy");
            } catch (error) {
                return false;
            }
        }

        function copyLink() {
            var done = function () { say(panel.getAttribute("data-copied-message")); };
            var failed = function () {
                if (copiedByCommand()) {
                    done();
                } else {
                    say(panel.getAttribute("data-copy-failed-message"));
                }
            };
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(url).then(done, failed);
            } else {
                failed();
            }
        }

        button.addEventListener("click", function () {
            if (typeof navigator.share !== "function") {
                openChoices();
                return;
            }
            navigator.share({ title: title, url: url }).catch(function (error) {
                if (!error || error.name !== "AbortError") {
                    openChoices();  // the reader did not cancel: offer the plain choices
                }
            });
        });
        copy.addEventListener("click", copyLink);

        button.hidden = false;
        copy.hidden = false;
        choices.hidden = true;
    }

    var panels = document.querySelectorAll("[data-share]");
    for (var i = 0; i < panels.length; i += 1) {
        setUp(panels[i]);
    }
}());
