// Times onnxruntime-web 1.30 (wasm, 1 thread, no proxy worker) under Node on a release folder the way the app
// loads it (graph + basis chunks as externalData): session create (3 per level) and a one-row scoring run (median
// of 11), for each graphOptimizationLevel in the order given. The first level listed also pays the wasm compile and
// V8's tier-up, so list a level twice to compare like with like. A lead for the browser bench, not a substitute.
//
//   node trainer/scripts/ort-web-create-time.mjs RELEASE_DIR [extended,all,basic,all,extended]
import fs from 'node:fs'; import path from 'node:path'; import { pathToFileURL } from 'node:url';
const dir = process.argv[2];
const ort = await import(pathToFileURL(path.resolve('webapp/node_modules/onnxruntime-web/dist/ort.wasm.min.mjs')).href);
ort.env.wasm.numThreads = 1; ort.env.logLevel = 'error';
const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const graph = fs.readFileSync(path.join(dir, m.modelFile));
const ext = m.modelData.map(n => ({ path: n, data: new Uint8Array(fs.readFileSync(path.join(dir, n))) }));
for (const level of (process.argv[3] || 'extended,all,basic,all,extended').split(',')) {
  const times = [];
  let s;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    s = await ort.InferenceSession.create(graph, { executionProviders: ['wasm'], graphOptimizationLevel: level, externalData: ext });
    times.push(performance.now() - t0);
    if (i < 2) await s.release();
  }
  const n = m.itemCount;
  const feeds = { history: new ort.Tensor('float32', new Float32Array(n), [1, n]), profile: new ort.Tensor('float32', new Float32Array(30), [1, 30]),
    explain_items: new ort.Tensor('int32', new Int32Array(0), [0]), explain_weights: new ort.Tensor('float32', new Float32Array(0), [0]), explain_targets: new ort.Tensor('int32', new Int32Array(0), [0]) };
  feeds.history.data[5] = 1; feeds.history.data[77] = 1;
  const rt = [];
  for (let i = 0; i < 11; i++) { const t0 = performance.now(); await s.run(feeds); rt.push(performance.now() - t0); }
  rt.sort((a, b) => a - b); times.sort((a,b)=>a-b);
  console.log(`${level}: create ${times.map(t => t.toFixed(0)).join(', ')} ms; run median ${rt[5].toFixed(2)} ms`);
  await s.release();
}
