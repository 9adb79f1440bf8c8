// Assembles the static site the server ships (see webapp/README.md, "Site layout").
//
//   app.js (TeaVM)                -> app-<h8>.js            h8 = first 8 hex of sha256(content), with V8's
//                                                            compile hint as its first line (below)
//   src/main/site/**              -> same paths; css/*.css -> css/<name>-<h8>.css; index.html rewritten
//   onnxruntime-web dist (3 files) -> ort/; the .wasm as ort/ort-wasm-simd-threaded-<h8>.wasm (below)
//   ../models/manifest.json + the files its `files` list names -> models/ (nothing else, never provenance.json)
//   every compressible file       -> also .gz and .br (only when smaller)
//
// The server treats a name as immutable only when its -<hex> part really is a prefix of the content's
// sha256, so a wrong hash can never pin a stale file in browsers for a year.
// Output is deterministic (no timestamps in gzip headers), so builds are reproducible.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (!m) fail(`bad argument ${a}`);
  return [m[1], m[2]];
}));
for (const k of ['app', 'static', 'node-modules', 'models', 'out', 'cache']) {
  if (!args[k]) fail(`missing --${k}=`);
}

// The only onnxruntime-web files the CPU (wasm) backend needs for a classic <script>.
const ORT_FILES = ['ort.wasm.min.js', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'];
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.tsv', '.txt', '.svg', '.wasm', '.onnx', '.bin']);
const NEVER_SHIP = new Set(['provenance.json']);

const out = path.resolve(args.out);
fs.rmSync(out, { recursive: true, force: true }); // stale app-<hash>.js files must not linger
fs.mkdirSync(out, { recursive: true });
const written = [];

function fail(msg) {
  console.error(`[assemble-site] error: ${msg}`);
  process.exit(2);
}
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const hashedName = (name, buf) => {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${sha256(buf).slice(0, 8)}${ext}`;
};
function put(rel, buf) {
  const file = path.join(out, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  written.push(rel);
}
function read(file, what) {
  if (!fs.existsSync(file)) fail(`${what} not found: ${file}`);
  return fs.readFileSync(file);
}

// 1. The compiled client, content-hashed, with V8's explicit compile hint for the whole file
// (https://v8.dev/blog/explicit-compile-hints): Chromium then compiles every function while it streams the script,
// on a background thread. Without it the bundle's module function (one function holding all ~600 KB) is parsed and
// compiled lazily, on the main thread, when the script runs: a Chrome trace of a first visit showed one 124 ms
// EvaluateScript task, 81 ms of it V8.ParseFunction, and 50-90 ms tasks after it for the first calls of other
// functions; with the hint the script's task took 23 ms and no start-up task passed 50 ms in most loads
// (docs/browser-speed.md). Other engines read it as a comment.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const app = Buffer.concat([Buffer.from(COMPILE_HINT), read(args.app, 'TeaVM output')]);
const appName = hashedName('app.js', app);
put(appName, app);

// 2. Static files; CSS content-hashed; index.html references rewritten.
// onnxruntime-web's .wasm is content-hashed too, so it is served immutable: Chromium reuses its compiled-code
// cache for a wasm module only when the response comes from the HTTP cache unrevalidated — with no-cache (ETag,
// 304) every visit compiled the 14 MB module again (docs/browser-speed.md). index.html's preload link carries the
// hashed name, and the client takes the wasm's URL from that link (privrec.client.js.ort.Ort.configure).
const ortDist = path.join(path.resolve(args['node-modules']), 'onnxruntime-web', 'dist');
const ORT_WASM = 'ort-wasm-simd-threaded.wasm';
const ortWasm = read(path.join(ortDist, ORT_WASM), 'onnxruntime-web file');
const ortWasmName = hashedName(ORT_WASM, ortWasm);
const renames = new Map([['app.js', appName], [`ort/${ORT_WASM}`, `ort/${ortWasmName}`]]);
const staticRoot = path.resolve(args.static);
const staticFiles = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else staticFiles.push(path.relative(staticRoot, p).split(path.sep).join('/'));
  }
})(staticRoot);
for (const rel of staticFiles) {
  if (rel === 'index.html') continue;
  const buf = fs.readFileSync(path.join(staticRoot, rel));
  const target = rel.endsWith('.css') ? path.posix.join(path.posix.dirname(rel), hashedName(path.posix.basename(rel), buf)) : rel;
  if (target !== rel) renames.set(rel, target);
  put(target, buf);
}
let html = read(path.join(staticRoot, 'index.html'), 'index.html').toString('utf8');
for (const [from, to] of renames) {
  const re = new RegExp(`((?:src|href)=")${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(")`, 'g');
  if (!re.test(html)) fail(`index.html does not reference ${from}`);
  html = html.replace(re, `$1${to}$2`);
}
// Subresource Integrity on every script and stylesheet index.html loads (threat model: a tampered file in
// transit or on a mirror is refused by the browser). onnxruntime-web's own .mjs/.wasm cannot carry SRI.
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
html = html.replace(/<(script src|link rel="stylesheet" href)="([^"]+)"/g, (tag, kind, ref) => {
  const file = ref.startsWith('ort/') ? path.join(ortDist, ref.slice(4)) : path.join(out, ref);
  if (!fs.existsSync(file)) fail(`index.html references ${ref}, which the site does not have`);
  return `${tag} integrity="${sri(fs.readFileSync(file))}"`;
});
put('index.html', Buffer.from(html, 'utf8'));

// 3. onnxruntime-web runtime files, byte-identical to the pinned npm package (the .wasm under its hashed name).
for (const f of ORT_FILES) {
  if (f === ORT_WASM) put(`ort/${ortWasmName}`, ortWasm);
  else put(`ort/${f}`, read(path.join(ortDist, f), 'onnxruntime-web file'));
}

// 4. Models: manifest.json and exactly the files its `files` list names (privrec.core.Manifest), each
//    checked against the listed sha256 and size here, so a stale or half-written model fails the build
//    instead of failing in the browser. provenance.json is never shipped (paths, hosts, user names).
const modelsDir = path.resolve(args.models);
const manifestFile = path.join(modelsDir, 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.warn(`[assemble-site] WARNING: ${manifestFile} missing; the site ships without a model`);
} else {
  const manifestBuf = fs.readFileSync(manifestFile);
  let manifest;
  try { manifest = JSON.parse(manifestBuf.toString('utf8')); } catch (e) { fail(`models/manifest.json: ${e.message}`); }
  if (!Array.isArray(manifest.files)) fail('models/manifest.json has no "files" list');
  put('models/manifest.json', manifestBuf);
  for (const entry of manifest.files) {
    const name = entry && entry.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      fail(`models/manifest.json: bad file name ${JSON.stringify(name)}`);
    }
    if (name === 'manifest.json') continue;
    if (NEVER_SHIP.has(name)) { console.warn(`[assemble-site] WARNING: not shipping ${name}`); continue; }
    const buf = read(path.join(modelsDir, name), `models/${name} (listed in manifest.json)`);
    if (entry.sha256 !== undefined && sha256(buf) !== entry.sha256) {
      fail(`models/${name}: sha256 ${sha256(buf)} but manifest.json says ${entry.sha256}`);
    }
    if (entry.bytes !== undefined && buf.length !== entry.bytes) {
      fail(`models/${name}: ${buf.length} bytes but manifest.json says ${entry.bytes}`);
    }
    put(`models/${name}`, buf);
  }
}

// 5. Precompressed siblings, cached by content hash (outside target/, survives mvn clean).
//    Brotli quality 11 for the runtime and model files (they rarely change, so the ~35 s for the 14 MB wasm is
//    paid once per machine); quality 9 for our own bundle, which changes on every build (~50 ms instead of ~1 s).
const cacheDir = path.resolve(args.cache);
fs.mkdirSync(cacheDir, { recursive: true });
function compressed(buf, kind, quality) {
  const cached = path.join(cacheDir, `${sha256(buf)}.${kind}${kind === 'br' ? quality : ''}`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const z = kind === 'gz'
    ? zlib.gzipSync(buf, { level: 9 }) // node writes mtime 0: reproducible
    : zlib.brotliCompressSync(buf, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
  fs.writeFileSync(cached + '.tmp', z);
  fs.renameSync(cached + '.tmp', cached);
  return z;
}
let total = 0;
let totalBr = 0;
for (const rel of [...written]) {
  const buf = fs.readFileSync(path.join(out, rel));
  total += buf.length;
  if (!COMPRESSIBLE.has(path.extname(rel))) { totalBr += buf.length; continue; }
  let best = buf.length;
  for (const kind of ['gz', 'br']) {
    const z = compressed(buf, kind, /^(ort|models)\//.test(rel) ? 11 : 9);
    if (z.length < buf.length) {
      fs.writeFileSync(path.join(out, `${rel}.${kind}`), z);
      if (kind === 'br') best = z.length;
    }
  }
  totalBr += best;
}
console.log(`[assemble-site] ${written.length} files, ${total} bytes (${totalBr} with brotli) -> ${out}; app: ${appName}`);
