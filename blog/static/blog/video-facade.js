/*
 * Click-to-load video player. The page never contacts YouTube or Vimeo on its own: each
 * [data-video-facade] shows a local thumbnail and a play button; only when the reader presses
 * it do we insert the privacy-enhanced player. Without JavaScript the plain link stays visible.
 */
(function () {
    "use strict";

    var PLAYER_HOSTS = ["www.youtube-nocookie.com", "player.vimeo.com"];

    function isPlayerUrl(address) {
        try {
            var url = new URL(address);
            return url.protocol === "https:" && PLAYER_HOSTS.indexOf(url.hostname) !== -1;
        } catch (error) {
            return false;
        }
    }

    function play(facade, button) {
        var address = button.getAttribute("data-embed-url");
        if (!isPlayerUrl(address)) {
            return;
        }
        var iframe = document.createElement("iframe");
        iframe.className = "video__player";
        iframe.src = address;
        iframe.title = button.getAttribute("data-embed-title");
        iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        var frame = button.parentNode;
        while (frame.firstChild) {
            frame.removeChild(frame.firstChild);
        }
        frame.appendChild(iframe);
        facade.classList.add("video--playing");
        iframe.focus();
    }

    function enhance(facade) {
        var button = facade.querySelector("button[data-embed-url]");
        var fallback = facade.querySelector(".video__fallback");
        if (!button) {
            return;
        }
        button.hidden = false;
        if (fallback) {
            fallback.hidden = true;
        }
        button.addEventListener("click", function () {
            play(facade, button);
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-video-facade]"), enhance);
})();
