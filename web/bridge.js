// JS side of the web Platform (linked with --js-library). Kept small: each function does
// one browser thing the C++ cannot reach by itself.
mergeInto(LibraryManager.library, {
  // The device clock in UTC milliseconds. A browser test sets window.huigongTestNow before
  // the page loads: the clock then starts there and runs on at the real rate (as the
  // server's --test-now does), so the test sees the same calendar on any day.
  hg_js_now_ms: function () {
    var start = typeof window !== 'undefined' ? window.huigongTestNow : undefined;
    if (typeof start !== 'number') return Date.now();
    if (!Module.hgTestClock) Module.hgTestClock = {start: start, at: performance.now()};
    return Module.hgTestClock.start + (performance.now() - Module.hgTestClock.at);
  },
  // A hidden textarea stands in for the focused ImGui text field, so that phones raise
  // their keyboard and IMEs (pinyin, handwriting) have a real element to compose into.
  hg_js_text_input: function (active, x, y, height) {
    var ta = document.getElementById('ime');
    if (!ta) return;
    if (!ta.hgBound) {
      ta.hgBound = true;
      var codes = {Backspace: 1, Enter: 2, ArrowLeft: 3, ArrowRight: 4, ArrowUp: 5, ArrowDown: 6,
                   Home: 7, End: 8, Delete: 9, Tab: 10, Escape: 11};
      var send = function (text) {
        if (!text) return;
        var ptr = allocateUTF8(text);
        Module._hg_on_text(ptr);
        _free(ptr);
      };
      ta.addEventListener('keydown', function (e) {
        if (e.isComposing || e.keyCode === 229) return;  // the IME owns this key
        var code = codes[e.key];
        if (code) { e.preventDefault(); Module._hg_on_key(code); }
      });
      // Typed and pasted text arrives here; composition text only once it is committed.
      ta.addEventListener('beforeinput', function (e) {
        if (e.isComposing || e.inputType === 'insertCompositionText') return;
        if (e.inputType === 'deleteContentBackward') { e.preventDefault(); Module._hg_on_key(1); return; }
        if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') { e.preventDefault(); Module._hg_on_key(2); return; }
        if (e.inputType === 'insertFromPaste' && e.dataTransfer) { e.preventDefault(); send(e.dataTransfer.getData('text/plain')); return; }
        if (e.data) { e.preventDefault(); send(e.data); }
      });
      ta.addEventListener('compositionend', function (e) { send(e.data); ta.value = ''; });
      ta.addEventListener('paste', function (e) {
        if (e.clipboardData) { e.preventDefault(); send(e.clipboardData.getData('text/plain')); }
      });
    }
    if (active) {
      var rect = Module.canvas.getBoundingClientRect();
      ta.style.left = (rect.left + x) + 'px';
      ta.style.top = (rect.top + y) + 'px';
      ta.style.height = Math.max(16, height) + 'px';
      if (document.activeElement !== ta) ta.focus({preventScroll: true});
    } else if (document.activeElement === ta) {
      ta.value = '';
      ta.blur();
      Module.canvas.focus({preventScroll: true});
    }
  },

  hg_js_open_url: function (url) {
    window.open(UTF8ToString(url), '_blank', 'noopener');
  },

  hg_js_request_position: function (ctx) {
    var done = function (ok, lat, lon, acc) { Module._hg_on_position(ctx, ok, lat, lon, acc); };
    if (!navigator.geolocation) { done(0, 0, 0, 0); return; }
    navigator.geolocation.getCurrentPosition(
      function (p) { done(1, p.coords.latitude, p.coords.longitude, p.coords.accuracy); },
      function () { done(0, 0, 0, 0); },
      {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  },


  // Writes /persist back to IndexedDB, at most once per 500 ms however many saves happen.
  hg_js_persist: function () {
    if (Module.hgPersistTimer) return;
    Module.hgPersistTimer = setTimeout(function () {
      Module.hgPersistTimer = 0;
      FS.syncfs(false, function (err) { if (err) console.warn('huigong: saving to IndexedDB failed', err); });
    }, 500);
  },

  hg_js_first_frame: function () {
    if (Module.onFirstFrame) Module.onFirstFrame();
  },

  hg_js_fatal: function (message) {
    if (Module.onFatal) Module.onFatal(UTF8ToString(message));
  },
});
