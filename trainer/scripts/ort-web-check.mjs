// Runs a model.onnx with onnxruntime-web's wasm backend (the browser's CPU runtime) under Node, the way the app
// feeds it, and checks the explanation output against the long way within onnxruntime-web itself:
//   contributions[l][c] == scores(history with only liked l)[c] - scores(empty history)[c]   (<= 1e-5)
// It also times a scoring run (1 row) and an explanation run (200 liked x 20 targets), medians of 21.
//
//   node trainer/scripts/ort-web-check.mjs models/model.onnx [webapp/node_modules]
//
// Needs webapp/node_modules (the webapp build runs npm ci). Node's wasm is the same engine as Chromium's (V8), but
// these timings are no substitute for the browser bench (scripts/bench.sh).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modelPath, modules = 'webapp/node_modules'] = process.argv.slice(2);
if (!modelPath) {
  console.error('usage: node trainer/scripts/ort-web-check.mjs MODEL.onnx [NODE_MODULES]');
  process.exit(2);
}
const ortFile = path.resolve(modules, 'onnxruntime-web/dist/ort.wasm.min.mjs');
if (!fs.existsSync(ortFile)) {
  console.error(`${ortFile} is missing: build the webapp first (it runs npm ci)`);
  process.exit(2);
}
const ort = await import(pathToFileURL(ortFile).href);
const version = JSON.parse(fs.readFileSync(path.resolve(modules, 'onnxruntime-web/package.json'), 'utf8')).version;
ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';
const session = await ort.InferenceSession.create(fs.readFileSync(modelPath), { executionProviders: ['wasm'] });
const n = session.inputMetadata.find(m => m.name === 'history').shape[1];
console.log(`onnxruntime-web ${version} (wasm, 1 thread): ${modelPath}, ${n} items, inputs ${session.inputNames.join(', ')}`);

const f32 = (data, dims) => new ort.Tensor('float32', Float32Array.from(data), dims);
const i32 = (data, dims) => new ort.Tensor('int32', Int32Array.from(data), dims);
// Every run feeds every input; the part it does not want gets an empty batch.
function scoringFeeds(rows, history) {
  return { history: f32(history, [rows, n]), profile: f32(new Float32Array(rows * 30), [rows, 30]),
    explain_items: i32([], [0]), explain_weights: f32([], [0]), explain_targets: i32([], [0]) };
}
function explainFeeds(items, weights, targets) {
  return { history: f32([], [0, n]), profile: f32([], [0, 30]), explain_items: i32(items, [items.length]),
    explain_weights: f32(weights, [weights.length]), explain_targets: i32(targets, [targets.length]) };
}

// A deterministic pseudo-random stream (no Math.random: the check must be repeatable).
let state = 12345;
const next = bound => { state = (state * 1103515245 + 12345) % 2147483648; return state % bound; };
const liked = Array.from({ length: 12 }, () => next(n));
const weights = liked.map((_, i) => [1 / 3, 2 / 3, 1, 4 / 3, 5 / 3][i % 5]);
const targets = Array.from({ length: 16 }, () => next(n));

const rows = liked.length + 1;
const history = new Float32Array(rows * n);
liked.forEach((column, r) => { history[r * n + column] = weights[r]; });
const scored = await session.run(scoringFeeds(rows, history));
const scores = scored.scores.data;
if (scored.contributions.dims.join('x') !== '0x0') throw new Error(`scoring run gave contributions ${scored.contributions.dims}`);
const explained = await session.run(explainFeeds(liked, weights, targets));
if (explained.scores.dims.join('x') !== `0x${n}`) throw new Error(`explanation run gave scores ${explained.scores.dims}`);
const contributions = explained.contributions.data;
let worst = 0;
liked.forEach((_, l) => targets.forEach((t, c) => {
  const longWay = scores[l * n + t] - scores[liked.length * n + t];
  worst = Math.max(worst, Math.abs(longWay - contributions[l * targets.length + c]));
}));
console.log(`contributions vs score differences: max |diff| ${worst.toExponential(2)} over ${liked.length} x ${targets.length}`);

async function median(feeds) {
  const times = [];
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    await session.run(feeds());
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[10].toFixed(2);
}
const oneRow = new Float32Array(n);
for (let i = 0; i < 50; i++) oneRow[next(n)] = 1;
const many = Array.from({ length: 200 }, () => next(n));
const top = Array.from({ length: 20 }, () => next(n));
console.log(`scoring run (1 row): median ${await median(() => scoringFeeds(1, oneRow))} ms; `
  + `explanation run (200 liked x 20 targets): median ${await median(() => explainFeeds(many, many.map(() => 1), top))} ms`);
if (!(worst <= 1e-5)) {
  console.error('FAILED: contributions differ from the score differences by more than 1e-5');
  process.exit(1);
}
