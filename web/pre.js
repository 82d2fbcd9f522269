// Runs before main (--pre-js): fetch the UI font and open the device's storage in
// parallel with the wasm download, so main finds both ready and the first frame is drawn
// with Chinese text straight away.
Module.preRun = Module.preRun || [];
Module.preRun.push(function () {
  FS.mkdir('/fonts');
  addRunDependency('font');
  var url = Module.fontUrl || 'font.ttf';
  (Module.fontPromise || fetch(url).then(function (r) {
    if (!r.ok) throw new Error('font ' + r.status);
    return r.arrayBuffer();
  })).then(function (buf) {
    FS.writeFile('/fonts/ui.ttf', new Uint8Array(buf));
  }).catch(function (e) {
    console.warn('huigong: font not loaded, falling back to ASCII', e);
  }).finally(function () { removeRunDependency('font'); });

  // Offline storage: IndexedDB through IDBFS, read once at start.
  FS.mkdir('/persist');
  FS.mount(IDBFS, {}, '/persist');
  addRunDependency('persist');
  FS.syncfs(true, function (err) {
    if (err) console.warn('huigong: IndexedDB unavailable, settings will not persist', err);
    removeRunDependency('persist');
  });
});
