// Test-only bridge, evaluated by BridgedJavaScriptEngine in every HtmlUnit window BEFORE page scripts run.
// HtmlUnit has no WebAssembly (so onnxruntime-web cannot run) and no PBKDF2 in crypto.subtle. This script
// supplies exactly those two things, backed by real implementations in Java:
//   * `ort`: the subset of onnxruntime-web 1.30 the client uses; sessions run the model bytes the page passed
//     with ONNX Runtime Java (OrtBridge).
//   * crypto.subtle importKey/deriveBits/deriveKey for PBKDF2, computed by the JDK's PBKDF2WithHmacSHA*
//     (Pbkdf2Bridge); derived AES keys are imported through HtmlUnit's own AES-GCM. All other calls pass through.
// Written for HtmlUnit's engine: no class, async/await or call spread.
// Evaluates to a function taking the Java bridge object, so page code never sees it.
(function (bridge) {
  'use strict';
  var global = this || window;

  function domError(name, message) {
    var e;
    try { e = new DOMException(message, name); } catch (ignored) { e = new Error(message); e.name = name; }
    return e;
  }
  function javaMessage(e) {
    var m = e && e.message !== undefined ? String(e.message) : String(e);
    return m.replace(/^(?:Error|InternalError|EvaluatorException|WrappedException):\s*/, '');
  }
  function isView(x) { return x && typeof x === 'object' && ArrayBuffer.isView(x); }
  function bytesOf(x, what) {
    if (x instanceof ArrayBuffer) return new Uint8Array(x);
    if (isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    throw new TypeError(what + ' must be an ArrayBuffer or a typed array');
  }
  function later(fn) {
    return new Promise(function (resolve, reject) {
      try { resolve(fn()); } catch (e) { reject(e); }
    });
  }

  // ---------------------------------------------------------------- ort ----
  var ARRAY_FOR_TYPE = { float32: Float32Array, float64: Float64Array, int32: Int32Array };
  if (typeof BigInt64Array !== 'undefined') ARRAY_FOR_TYPE.int64 = BigInt64Array;

  function typeOfData(data) {
    for (var t in ARRAY_FOR_TYPE) if (data instanceof ARRAY_FOR_TYPE[t]) return t;
    return null;
  }

  // Same checks and messages as onnxruntime-web, so a client bug fails here as it would in Chromium.
  function Tensor(a, b, c) {
    var type, data, dims;
    if (typeof a === 'string') { type = a; data = b; dims = c; } else { data = a; dims = b; type = typeOfData(a); }
    if (!ARRAY_FOR_TYPE[type]) throw new TypeError('Unsupported tensor type: ' + type + ' (test bridge supports ' + Object.keys(ARRAY_FOR_TYPE).join(', ') + ')');
    if (Array.isArray(data)) data = new ARRAY_FOR_TYPE[type](data);
    if (!(data instanceof ARRAY_FOR_TYPE[type])) throw new TypeError('A ' + type + ' tensor\'s data must be type of ' + ARRAY_FOR_TYPE[type].name);
    if (dims === undefined) dims = [data.length];
    if (!Array.isArray(dims)) throw new TypeError('A tensor\'s dims must be a number array');
    var size = 1;
    for (var i = 0; i < dims.length; i++) {
      if (typeof dims[i] !== 'number' || dims[i] < 0 || Math.floor(dims[i]) !== dims[i]) {
        throw new RangeError('dims[' + i + '] must be a non-negative integer, got: ' + dims[i]);
      }
      size *= dims[i];
    }
    if (size !== data.length) throw new Error('Tensor\'s size(' + size + ') does not match data length(' + data.length + ').');
    this.type = type;
    this.data = data;
    this.cpuData = data;
    this.dims = dims.slice();
    this.size = size;
    this.location = 'cpu';
  }
  Tensor.prototype.getData = function () { var d = this.data; return later(function () { return d; }); };
  Tensor.prototype.dispose = function () {};

  function InferenceSession(info) {
    this.inputNames = info.inputNames;
    this.outputNames = info.outputNames;
    this._id = info.id;
    this._released = false;
  }
  InferenceSession.create = function (model, options) {
    return later(function () {
      if (typeof model === 'string') {
        throw new TypeError('test bridge: InferenceSession.create(url) is not bridged; pass the model bytes');
      }
      // externalData ({path, data} with the bytes, as onnxruntime-web takes them) crosses beside the options:
      // the Java side writes each file under its path next to the graph, as ORT Java loads external data.
      var plain = {}, paths = [], datas = [];
      for (var key in (options || {})) if (key !== 'externalData') plain[key] = options[key];
      var external = (options && options.externalData) || [];
      for (var i = 0; i < external.length; i++) {
        if (typeof external[i] === 'string' || typeof external[i].data === 'string') {
          throw new TypeError('test bridge: externalData by URL is not bridged; pass the bytes');
        }
        paths.push(external[i].path);
        datas.push(bytesOf(external[i].data, 'external data ' + external[i].path));
      }
      try {
        var args = [bytesOf(model, 'model'), JSON.stringify(plain), paths.join('\n')].concat(datas);
        return new InferenceSession(JSON.parse(bridge.ortCreate.apply(null, args)));
      } catch (e) {
        throw new Error('failed to create session: ' + javaMessage(e));
      }
    });
  };
  // fetches: optional array of output names (onnxruntime-web's run(feeds, fetches)); all outputs when absent.
  InferenceSession.prototype.run = function (feeds, fetches) {
    var self = this;
    return later(function () {
      if (self._released) throw new Error('session already released');
      if (fetches !== undefined && !Array.isArray(fetches)) throw new TypeError('fetches must be an array of output names');
      var args = [self._id, fetches === undefined ? '' : fetches.join('\n')];
      var inputs = [];
      for (var name in feeds) {
        var t = feeds[name];
        if (!(t instanceof Tensor)) throw new TypeError('feed "' + name + '" is not an ort.Tensor');
        args.push(name, t.type, t.dims.join(','), t.data);
        inputs.push(t);
      }
      var out;
      try {
        out = JSON.parse(bridge.ortRun.apply(bridge, args));
      } catch (e) {
        throw new Error('failed to call OrtRun(). ' + javaMessage(e));
      }
      var result = {};
      try {
        for (var k = 0; k < out.outputs.length; k++) {
          var o = out.outputs[k];
          var data = new ARRAY_FOR_TYPE[o.type](o.length);
          bridge.ortFill(out.token, k, data);
          result[o.name] = new Tensor(o.type, data, o.dims);
        }
      } finally {
        bridge.ortDrop(out.token);
      }
      // onnxruntime-web detaches the input buffers (platform notes); mirror it so reuse bugs show up here.
      if (out.detachInputs) for (var j = 0; j < inputs.length; j++) bridge.detach(inputs[j].data);
      return result;
    });
  };
  InferenceSession.prototype.release = function () {
    var self = this;
    return later(function () { self._released = true; bridge.ortRelease(self._id); });
  };

  global.ort = {
    env: {
      wasm: { numThreads: 0, simd: true, proxy: false, wasmPaths: undefined, initTimeout: 0, trace: false },
      webgpu: {},
      logLevel: 'warning',
      debug: false,
      versions: { common: '1.30.0', web: '1.30.0' },
      __testBridge: 'ONNX Runtime Java via HtmlUnit bridge'
    },
    InferenceSession: InferenceSession,
    Tensor: Tensor
  };

  // ------------------------------------------------------------- PBKDF2 ----
  var subtle = global.crypto && global.crypto.subtle;
  if (!subtle) return;
  var originalImportKey = subtle.importKey;
  var originalDeriveBits = subtle.deriveBits;
  var originalDeriveKey = subtle.deriveKey;
  var passwords = new WeakMap(); // PBKDF2 key object -> password bytes; never on the object itself
  var AES = { 'aes-gcm': 'AES-GCM', 'aes-cbc': 'AES-CBC', 'aes-ctr': 'AES-CTR', 'aes-kw': 'AES-KW' };

  function algName(alg) { return String(typeof alg === 'string' ? alg : alg && alg.name).toLowerCase(); }
  function hashName(alg) {
    var h = alg.hash;
    return String(typeof h === 'string' ? h : h && h.name).toUpperCase();
  }

  function importKey(format, keyData, algorithm, extractable, usages) {
    if (algName(algorithm) !== 'pbkdf2') return originalImportKey.apply(subtle, arguments);
    return later(function () {
      if (format !== 'raw') throw domError('NotSupportedError', 'PBKDF2 keys can only be imported as raw');
      if (extractable) throw domError('SyntaxError', 'PBKDF2 keys must not be extractable');
      for (var i = 0; i < usages.length; i++) {
        if (usages[i] !== 'deriveKey' && usages[i] !== 'deriveBits') throw domError('SyntaxError', 'bad usage for PBKDF2: ' + usages[i]);
      }
      var key = { type: 'secret', extractable: false, algorithm: { name: 'PBKDF2' }, usages: usages.slice() };
      Object.freeze(key.usages);
      Object.freeze(key.algorithm);
      Object.freeze(key);
      passwords.set(key, new Uint8Array(bytesOf(keyData, 'keyData'))); // a copy: later changes do not leak in
      return key;
    });
  }

  function pbkdf2(algorithm, key, bits, usage) {
    var password = passwords.get(key);
    if (!password) throw domError('InvalidAccessError', 'key is not a PBKDF2 key');
    if (key.usages.indexOf(usage) < 0) throw domError('InvalidAccessError', 'key does not allow ' + usage);
    if (bits === null || bits === undefined || bits % 8 !== 0 || bits <= 0) throw domError('OperationError', 'length must be a positive multiple of 8');
    var iterations = algorithm.iterations;
    if (!(iterations > 0)) throw domError('OperationError', 'iterations must be positive');
    var out = new Uint8Array(bits / 8);
    try {
      bridge.pbkdf2(password, bytesOf(algorithm.salt, 'salt'), iterations, hashName(algorithm), bits, out);
    } catch (e) {
      throw domError('OperationError', javaMessage(e));
    }
    return out.buffer;
  }

  function deriveBits(algorithm, key, length) {
    if (algName(algorithm) !== 'pbkdf2') return originalDeriveBits.apply(subtle, arguments);
    return later(function () { return pbkdf2(algorithm, key, length, 'deriveBits'); });
  }

  function deriveKey(algorithm, key, derivedAlgorithm, extractable, usages) {
    if (algName(algorithm) !== 'pbkdf2') return originalDeriveKey.apply(subtle, arguments);
    return later(function () {
      var aes = AES[algName(derivedAlgorithm)];
      if (!aes) throw domError('NotSupportedError', 'test bridge derives only AES keys from PBKDF2');
      var length = derivedAlgorithm.length;
      if (length !== 128 && length !== 192 && length !== 256) throw domError('OperationError', 'AES key length must be 128, 192 or 256');
      return pbkdf2(algorithm, key, length, 'deriveKey');
    }).then(function (bits) {
      return originalImportKey.call(subtle, 'raw', bits, { name: AES[algName(derivedAlgorithm)] }, extractable, usages);
    });
  }

  // Own properties on the instance shadow SubtleCrypto.prototype; if the host object refuses, patch the prototype.
  function patch(target) {
    target.importKey = importKey;
    target.deriveBits = deriveBits;
    target.deriveKey = deriveKey;
  }
  patch(subtle);
  if (subtle.importKey !== importKey) patch(Object.getPrototypeOf(subtle));
})
