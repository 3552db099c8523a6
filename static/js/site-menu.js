/* Site header: progressive enhancement of the <details class="site-menu"> menu.
 *
 * Without this file the menu still works: <details>/<summary> opens and closes with a tap,
 * Enter or Space, and browsers that support ::details-content show the menu as a row on wide
 * screens from the CSS alone. This file adds:
 *  - the menu open on wide screens in browsers without ::details-content (and closed again
 *    when the window becomes narrow), so the navigation is never hidden behind a button there;
 *  - Escape closes the open menu on a phone and puts the focus back on the Menu button;
 *  - the header's Search link lands with the cursor in the search field (/<lang>/search/#id_q).
 */
(function () {
    "use strict";

    var menu = document.querySelector(".site-menu");
    var wide = window.matchMedia("(min-width: 68em)");

    function fitToScreen() {
        if (!menu) return;
        if (wide.matches) {
            menu.open = true;
        } else if (menu.dataset.wasWide === "true") {
            menu.open = false;
        }
        menu.dataset.wasWide = String(wide.matches);
    }

    function focusTarget() {
        var id = window.location.hash.slice(1);
        var target = id ? document.getElementById(id) : null;
        if (target && target.matches("input, textarea, select")) {
            target.focus();
        }
    }

    if (menu) {
        fitToScreen();
        if (wide.addEventListener) {
            wide.addEventListener("change", fitToScreen);
        }
        menu.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && menu.open && !wide.matches) {
                menu.open = false;
                menu.querySelector("summary").focus();
            }
        });
    }
    focusTarget();
    window.addEventListener("hashchange", focusTarget);
})();
