// SHA-256 of model files off the main thread (privrec.client.js.net.WebCryptoSha256). Chromium runs
// crypto.subtle.digest on the calling thread, so hashing a 34 MB model on the page would block input for
// ~100-200 ms. {ping: true} -> {pong: <can digest>}; {id, bytes: ArrayBuffer (transferred)} -> {id, hex} or
// {id, error}. Nothing else.
self.onmessage = function (e) {
  if (e.data.ping) {
    self.postMessage({ pong: !!(self.crypto && self.crypto.subtle && self.crypto.subtle.digest) });
    return;
  }
  var id = e.data.id;
  Promise.resolve().then(function () {
    return self.crypto.subtle.digest('SHA-256', e.data.bytes);
  }).then(function (d) {
    var b = new Uint8Array(d), s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    self.postMessage({ id: id, hex: s });
  }, function (err) {
    self.postMessage({ id: id, error: String((err && err.message) || err) });
  });
};
