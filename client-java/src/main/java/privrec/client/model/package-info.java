/**
 * Model loading and inference for the browser, as plain Java over small interfaces.
 *
 * <h2>For the UI</h2>
 * <pre>{@code
 * new Thread(() -> {                                   // blocking calls need a TeaVM thread
 *     try {
 *         LoadedModel model = BrowserModels.loader("models/").load(listener);
 *         show(model.notice());                        // null, or e.g. "Offline: ... cached on 2026-11-29 is used."
 *         Recommender recommender = model.recommender();   // core pipeline: catalog + one-run scorer
 *     } catch (ModelLoadException e) {
 *         show(e.getMessage());                        // human sentence; e.kind() picks retry vs reload
 *     }
 * }).start();
 * }</pre>
 * {@link privrec.client.model.LoadListener} callbacks must not block. {@code model.scorer().score(...)} blocks too
 * (ort's run is a promise): call it on a TeaVM thread.
 *
 * <h2>For the benchmark</h2>
 * {@link privrec.client.model.NaiveBenchmark#compare} times one batch run against one run per movie on the loaded
 * scorer ({@code BrowserClock::nowMillis} as the clock) and reports the largest score difference. Export it from
 * {@code Main} (e.g. a {@code @JSExport} static method) if page JS should start it.
 *
 * <h2>Requests</h2>
 * Only {@code GET <base>manifest.json} and {@code GET <base><part>} for the parts the manifest names (graph,
 * basis chunks, catalog chunks): no query, body, custom header, credentials or referrer; {@code cache: "no-store"}
 * (no conditional headers, so no ETag can tag a user). A part is downloaded only when no cached part has its
 * SHA-256, so an update that keeps the item basis fetches the graph and the chunks added since, nothing else.
 *
 * <h2>Cache</h2>
 * Cache API ("privrec-models-v1"), else IndexedDB ("privrec-models"/"files"), else none (with a notice). Entries:
 * {@code sha256-<hex>} (verified file bytes; re-verified on every read), {@code last-good-manifest} and
 * {@code last-good-manifest-date} (written only after a load succeeded). Parts the current manifest no longer
 * names are evicted after a successful load; verified parts of a release that could not be completed are kept
 * until then, so a retry resumes.
 */
package privrec.client.model;
