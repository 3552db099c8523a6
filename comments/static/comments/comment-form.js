/* Readers' comments: bring the comment form into the story when the reader asks for it.
 * The story page itself carries no form (it is shared by the page cache); the "Write a comment"
 * link opens the form's own page. With this script, the same form is fetched from that page and
 * put in place of the link, with a fresh one-off token. If anything fails, the link is followed.
 */
(function () {
    "use strict";
    var link = document.querySelector(".comments__write-link");
    if (!link || !window.fetch || !window.DOMParser) {
        return;
    }
    link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
            return; // opening in a new tab or window: leave it to the browser
        }
        event.preventDefault();
        fetch(link.href, { credentials: "omit", headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("comment form answered " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var form = page.querySelector("form.comment-form");
                if (!form) {
                    throw new Error("no comment form");
                }
                var placed = document.importNode(form, true);
                link.parentNode.replaceWith(placed);
                var first = placed.querySelector("input:not([type=hidden]), textarea");
                if (first) {
                    first.focus();
                }
            })
            .catch(function () {
                window.location.href = link.href;
            });
    });
})();
