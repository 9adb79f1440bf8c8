package privrec.client.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Manifest;

class CachingModelLoaderTest {
    private final ModelFixture fixture = new ModelFixture();
    private final RecordingHttp http = new RecordingHttp();
    private final JdkSha256 sha = new JdkSha256();
    private final InMemoryBlobCache cache = new InMemoryBlobCache();
    private final FixedRuntime runtime = new FixedRuntime();

    private CachingModelLoader loader(BlobCache blobCache) {
        return new CachingModelLoader(ModelFixture.BASE, http, sha, blobCache, runtime, () -> "2026-11-29");
    }

    private LoadedModel load() throws ModelLoadException {
        return loader(cache).load(LoadListener.NONE);
    }

    private ModelLoadException loadFails() {
        return assertThrows(ModelLoadException.class, this::load);
    }

    private String fileKey(byte[] bytes) {
        return CacheKeys.file(JdkSha256.of(bytes));
    }

    private String url(String part) {
        return "GET " + ModelFixture.BASE + part;
    }

    private byte[] catalog() {
        return fixture.catalogs.get(0);
    }

    @Test
    void firstLoadDownloadsVerifiesAndCachesEveryPart() throws Exception {
        fixture.publish(http);
        LoadedModel model = load();

        assertEquals(LoadedModel.Source.NETWORK, model.source());
        assertNull(model.notice());
        assertEquals(fixture.model.length + fixture.basis.get(0).length + catalog().length, model.downloadedBytes());
        assertEquals(List.of("GET models/manifest.json", url(fixture.modelFile()), url(fixture.basisFiles().get(0)),
                url(fixture.catalogFile(0))), http.requests);
        assertTrue(fixture.modelFile().matches("model-[0-9a-f]{16}\\.onnx"), fixture.modelFile());
        assertEquals("Toy Story", model.catalog().get(0).title());
        assertArrayEquals(fixture.model, runtime.sessionsCreatedFrom.get(0));
        assertEquals(List.of(fixture.basisFiles().get(0) + ":" + fixture.basis.get(0).length),
                runtime.externalDataOf.get(0), "the basis reaches the runtime as external data, under its own name");
        assertArrayEquals(fixture.model, cache.get(fileKey(fixture.model)));
        assertArrayEquals(fixture.basis.get(0), cache.get(fileKey(fixture.basis.get(0))));
        assertArrayEquals(catalog(), cache.get(fileKey(catalog())));
        assertTrue(cache.entries.containsKey(CacheKeys.LAST_GOOD_MANIFEST));
        assertEquals(3, model.scorer().score(new float[3], new float[model.manifest().profileFeatures().size()], 1).length);
    }

    @Test
    void secondLoadWithSameManifestDownloadsNothing() throws Exception {
        fixture.publish(http);
        load();
        http.requests.clear();

        LoadedModel again = load();

        assertEquals(LoadedModel.Source.CACHE, again.source());
        assertEquals(0, again.downloadedBytes());
        assertEquals(List.of("GET models/manifest.json"), http.requests);
        assertNull(again.notice());
    }

    @Test
    void anUpdateFetchesOnlyThePartsItChangedAndEvictsTheReplacedGraph() throws Exception {
        fixture.publish(http);
        load();
        String oldGraphKey = fileKey(fixture.model);
        byte[] sharedBasis = fixture.basis.get(0);
        fixture.update("onnx-model-v2, refitted core", List.of(10, 11), List.of(2));
        fixture.publish(http);
        http.requests.clear();

        LoadedModel updated = load();

        assertEquals(LoadedModel.Source.NETWORK, updated.source());
        assertEquals(List.of(url(fixture.modelFile()), url(fixture.basisFiles().get(1)), url(fixture.catalogFile(1))),
                http.downloads(), "the shared basis and catalog chunks come from the cache");
        assertEquals(fixture.model.length + fixture.basis.get(1).length + fixture.catalogs.get(1).length,
                updated.downloadedBytes());
        assertArrayEquals(fixture.model, runtime.sessionsCreatedFrom.get(1));
        assertEquals(List.of(fixture.basisFiles().get(0) + ":" + sharedBasis.length,
                fixture.basisFiles().get(1) + ":" + fixture.basis.get(1).length), runtime.externalDataOf.get(1));
        assertEquals(5, updated.catalog().size());
        assertEquals(List.of(1, 2, 3, 10, 11), updated.catalog().items().stream().map(i -> i.id()).toList());
        assertEquals(3, updated.catalog().indexOf(10), "the added chunk's columns follow the first chunk's");
        assertEquals(java.util.Set.of(2), updated.withdrawn());
        assertFalse(cache.entries.containsKey(oldGraphKey), "the replaced graph is evicted");
        assertTrue(cache.entries.containsKey(fileKey(sharedBasis)), "the shared basis stays");
        assertTrue(cache.entries.containsKey(fileKey(catalog())), "the shared catalog chunk stays");
        assertEquals(fixture.manifest().partNames().size(), fileEntries(), "nothing else is kept");
        assertTrue(new String(cache.get(CacheKeys.LAST_GOOD_MANIFEST), StandardCharsets.UTF_8)
                .contains(JdkSha256.of(fixture.model)));
    }

    private long fileEntries() {
        return cache.entries.keySet().stream().filter(k -> k.startsWith(CacheKeys.FILE_PREFIX)).count();
    }

    @Test
    void hashMismatchIsNeverUsedNorCached() throws Exception {
        Manifest published = fixture.manifest();
        byte[] tampered = fixture.model.clone();
        tampered[0] ^= 1; // same size, different bytes: only the hash can tell
        fixture.model = tampered;
        fixture.publish(http, published);

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.HASH_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains(published.modelFile()), e.getMessage());
        assertTrue(runtime.sessionsCreatedFrom.isEmpty(), "the tampered model never reaches the runtime");
        assertFalse(cache.entries.containsKey(fileKey(tampered)));
        assertFalse(cache.entries.containsKey(CacheKeys.file(published.file(published.modelFile()).sha256())));
        assertFalse(cache.entries.containsKey(CacheKeys.LAST_GOOD_MANIFEST));
    }

    @Test
    void anUpdateWithOneTamperedPartIsNeverUsedAndTheLastGoodReleaseIsKept() throws Exception {
        fixture.publish(http);
        load();
        String lastGood = new String(cache.get(CacheKeys.LAST_GOOD_MANIFEST), StandardCharsets.UTF_8);
        byte[] lastGoodGraph = fixture.model;
        fixture.update("onnx-model-v2", List.of(10), List.of());
        Manifest published = fixture.manifest();
        byte[] honest = fixture.basis.get(1);
        byte[] tampered = honest.clone();
        tampered[3] ^= 1;
        fixture.basis.set(1, tampered);
        fixture.publish(http, published);

        LoadedModel model = load();

        assertEquals(LoadedModel.Source.CACHE_OFFLINE, model.source());
        assertTrue(model.notice().contains(published.modelData().get(1))
                && model.notice().contains("SHA-256") && model.notice().contains("last good model cached on 2026-11-29"),
                model.notice());
        assertEquals(2, runtime.sessionsCreatedFrom.size());
        assertArrayEquals(lastGoodGraph, runtime.sessionsCreatedFrom.get(1), "the old release runs");
        assertEquals(ModelFixture.ITEMS, model.catalog().size());
        assertFalse(cache.entries.containsKey(fileKey(tampered)));
        assertFalse(cache.entries.containsKey(CacheKeys.file(published.file(published.modelData().get(1)).sha256())));
        assertEquals(lastGood, new String(cache.get(CacheKeys.LAST_GOOD_MANIFEST), StandardCharsets.UTF_8));
        assertTrue(cache.entries.containsKey(fileKey(lastGoodGraph)), "the last good release stays complete");

        // Once the server has the honest part, only that part is fetched: the graph and the catalog chunk of the
        // update were verified (the loader collects every started download after a failure) and kept.
        fixture.basis.set(1, honest);
        fixture.publish(http, published);
        http.requests.clear();
        LoadedModel fixed = load();
        assertEquals(List.of(url(published.modelData().get(1))), http.downloads());
        assertEquals(LoadedModel.Source.NETWORK, fixed.source());
        assertEquals(4, fixed.catalog().size());
        assertFalse(cache.entries.containsKey(fileKey(lastGoodGraph)), "now the old graph goes");
    }

    @Test
    void anInterruptedDownloadFallsBackToTheLastGoodReleaseAndTheNextVisitResumes() throws Exception {
        fixture.publish(http);
        load();
        fixture.update("onnx-model-v2", List.of(10, 11, 12), List.of(1));
        fixture.publish(http);
        String cut = ModelFixture.BASE + fixture.catalogFile(1);
        http.interrupted.add(cut);
        http.requests.clear();

        LoadedModel model = load();

        assertEquals(LoadedModel.Source.CACHE_OFFLINE, model.source());
        assertTrue(model.notice().contains("could not be completed") && model.notice().contains("connection reset"),
                model.notice());
        assertEquals(ModelFixture.ITEMS, model.catalog().size(), "the old release, complete");
        assertEquals(java.util.Set.of(), model.withdrawn());

        http.interrupted.clear();
        http.requests.clear();
        LoadedModel resumed = load();
        assertEquals(List.of("GET " + cut), http.downloads(), "graph and basis chunk were verified and kept");
        assertEquals(6, resumed.catalog().size());
        assertEquals(java.util.Set.of(1), resumed.withdrawn());
    }

    @Test
    void aFirstVisitWhoseDownloadIsInterruptedIsAClearNetworkError() {
        fixture.publish(http);
        http.interrupted.add(ModelFixture.BASE + fixture.basisFiles().get(0));

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains(fixture.basisFiles().get(0)) && e.getMessage().contains("no model is stored"),
                e.getMessage());
        assertTrue(runtime.sessionsCreatedFrom.isEmpty());
    }

    @Test
    void catalogChunksSharingAMovieIdAreCorrupt() {
        fixture.update("onnx-model-v2", List.of(3), List.of());
        fixture.publish(http);

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("movie id 3 appears twice"), e.getMessage());
    }

    @Test
    void sizeMismatchIsRefusedBeforeHashing() throws Exception {
        Manifest published = fixture.manifest();
        fixture.catalogs.set(0, (new String(catalog(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        fixture.publish(http, published);

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.HASH_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains(published.catalogFiles().get(0)) && e.getMessage().contains("bytes"),
                e.getMessage());
        assertTrue(runtime.sessionsCreatedFrom.isEmpty());
        assertFalse(cache.entries.containsKey(fileKey(catalog())));
    }

    @Test
    void offlineUsesLastGoodCacheWithNotice() throws Exception {
        fixture.publish(http);
        load();
        http.offline = true;
        http.requests.clear();

        LoadedModel offline = load();

        assertEquals(LoadedModel.Source.CACHE_OFFLINE, offline.source());
        assertEquals(0, offline.downloadedBytes());
        assertEquals(List.of("GET models/manifest.json"), http.requests);
        assertTrue(offline.notice().startsWith("Offline"), offline.notice());
        assertTrue(offline.notice().contains("2026-11-29"), offline.notice());
        assertEquals(ModelFixture.ITEMS, offline.catalog().size());
    }

    @Test
    void offlineWithEmptyCacheIsAClearNetworkError() {
        http.offline = true;

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
        assertTrue(e.getMessage().contains("no model is stored"), e.getMessage());
    }

    @Test
    void failedDownloadOfANewModelFallsBackToTheLastGoodOne() throws Exception {
        fixture.publish(http);
        load();
        byte[] lastGood = fixture.model;
        fixture.model = "onnx-model-v2".getBytes(StandardCharsets.UTF_8);
        fixture.publish(http);
        http.files.remove(ModelFixture.BASE + fixture.modelFile()); // new manifest is up, its graph is not

        LoadedModel model = load();

        assertEquals(LoadedModel.Source.CACHE_OFFLINE, model.source());
        assertTrue(model.notice().contains("HTTP 404"), model.notice());
        assertArrayEquals(lastGood, runtime.sessionsCreatedFrom.get(1));
    }

    @Test
    void offlineWithAFormatTwoReleaseCachedByAnOlderAppIsAClearNetworkError() {
        String formatTwo = fixture.manifest().toJson().replaceFirst("\"formatVersion\"\\s*:\\s*" + Manifest.FORMAT_VERSION,
                "\"formatVersion\": 2");
        assertTrue(formatTwo.contains("\"formatVersion\": 2"), "fixture edits the format version");
        cache.put(CacheKeys.LAST_GOOD_MANIFEST, formatTwo.getBytes(StandardCharsets.UTF_8));
        http.offline = true;

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("could not be reached") && e.getMessage().contains("older version"),
                e.getMessage());
    }

    @Test
    void incompatibleEncoderVersionIsRefusedBeforeAnyDownload() {
        fixture.encoderVersion = 99;
        fixture.publish(http);

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.INCOMPATIBLE, e.kind());
        assertTrue(e.getMessage().contains("encoder version 99"), e.getMessage());
        assertEquals(List.of(), http.downloads());
    }

    @Test
    void unknownManifestFormatIsIncompatible() {
        http.serve(ModelFixture.BASE + "manifest.json",
                fixture.manifest().toJson().replaceFirst("\"formatVersion\"\\s*:\\s*" + Manifest.FORMAT_VERSION, "\"formatVersion\": 99")
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(new String(http.files.get(ModelFixture.BASE + "manifest.json"), StandardCharsets.UTF_8)
                .contains("\"formatVersion\": 99"), "fixture edits the format version");

        assertEquals(ModelLoadException.Kind.INCOMPATIBLE, loadFails().kind());
    }

    @Test
    void unparsableManifestIsCorrupt() {
        http.serve(ModelFixture.BASE + "manifest.json", "{\"formatVersion\": 1,".getBytes(StandardCharsets.UTF_8));

        assertEquals(ModelLoadException.Kind.CORRUPT, loadFails().kind());
    }

    @Test
    void corruptCatalogIsReportedWithItsLine() {
        String text = new String(catalog(), StandardCharsets.UTF_8).replace("\tGoldenEye\t=1995", "\tGoldenEye\tnineteen");
        fixture.catalogs.set(0, text.getBytes(StandardCharsets.UTF_8));
        fixture.publish(http); // correctly hashed: the publisher shipped a bad file

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains(fixture.catalogFile(0) + ":3"), e.getMessage());
        // The session starts from the verified model while the catalog is parsed, so one may have been created;
        // the load still fails and nothing is remembered.
        assertFalse(cache.entries.containsKey(CacheKeys.LAST_GOOD_MANIFEST), "a model that failed to load is not 'good'");
    }

    @Test
    void catalogOfAnotherSizeThanTheModelIsCorrupt() {
        Catalog twoMovies = new Catalog(ModelFixture.catalog().items().subList(0, 2));
        fixture.catalogs.set(0, CatalogFormat.write(twoMovies).getBytes(StandardCharsets.UTF_8));
        fixture.publish(http);

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("2 movies") && e.getMessage().contains("expects 3"), e.getMessage());
    }

    @Test
    void requestsAreOnlyGetsOfStaticPathsWithoutQuery() throws Exception {
        fixture.publish(http);
        load();
        load();
        http.offline = true;
        load();

        for (String request : http.requests) {
            assertTrue(request.matches("GET models/[A-Za-z0-9._-]+"), request);
        }
        // Two fresh devices make byte-identical request sequences: nothing user-specific can be in them.
        List<String> first = new ArrayList<>(http.requests);
        RecordingHttp other = new RecordingHttp();
        fixture.publish(other);
        CachingModelLoader otherLoader = new CachingModelLoader(ModelFixture.BASE, other, new JdkSha256(),
                new InMemoryBlobCache(), new FixedRuntime(), () -> "2027-01-01");
        otherLoader.load(LoadListener.NONE);
        otherLoader.load(LoadListener.NONE);
        other.offline = true;
        otherLoader.load(LoadListener.NONE);
        assertEquals(first, other.requests);
    }

    @Test
    void damagedCacheEntryIsDroppedAndDownloadedAgain() throws Exception {
        fixture.publish(http);
        load();
        cache.entries.get(fileKey(fixture.model))[0] ^= 1;
        http.requests.clear();

        LoadedModel model = load();

        assertEquals(List.of(url(fixture.modelFile())), http.downloads());
        assertArrayEquals(fixture.model, runtime.sessionsCreatedFrom.get(1));
        assertArrayEquals(fixture.model, cache.get(fileKey(fixture.model)));
        assertEquals(LoadedModel.Source.NETWORK, model.source());
    }

    @Test
    void fullStorageStillLoadsAndSaysSo() throws Exception {
        cache.full = true;
        fixture.publish(http);

        LoadedModel model = load();

        assertEquals(LoadedModel.Source.NETWORK, model.source());
        assertTrue(model.notice().contains("could not be stored"), model.notice());
        assertTrue(model.notice().contains("QuotaExceededError"), model.notice());
    }

    @Test
    void browserWithoutStorageDownloadsEveryTimeAndSaysSo() throws Exception {
        fixture.publish(http);
        CachingModelLoader noCache = loader(new NoCache());
        noCache.load(LoadListener.NONE);
        http.requests.clear();

        LoadedModel model = noCache.load(LoadListener.NONE);

        assertEquals(3, http.downloads().size());
        assertTrue(model.notice().contains("downloaded on every visit"), model.notice());
    }

    @Test
    void runtimeThatCannotStartIsRuntimeUnavailable() {
        fixture.publish(http);
        runtime.failure = "Error: no available backend found. ERR: [wasm] TypeError: WebAssembly is undefined";

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.RUNTIME_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("WebAssembly is undefined"), e.getMessage());
    }

    @Test
    void missingWebCryptoIsRuntimeUnavailableAndNothingIsUsed() {
        fixture.publish(http);
        Sha256 none = data -> {
            throw new RuntimeException("Error: crypto.subtle is not available (the page is not a secure context)");
        };
        CachingModelLoader noCrypto = new CachingModelLoader(ModelFixture.BASE, http, none, cache, runtime, () -> "x");

        ModelLoadException e = assertThrows(ModelLoadException.class, () -> noCrypto.load(LoadListener.NONE));

        assertEquals(ModelLoadException.Kind.RUNTIME_UNAVAILABLE, e.kind());
        assertTrue(runtime.sessionsCreatedFrom.isEmpty());
        assertTrue(cache.entries.isEmpty());
    }

    @Test
    void listenerHearsStagesAndProgress() throws Exception {
        fixture.publish(http);
        List<String> events = new ArrayList<>();
        loader(cache).load(new LoadListener() {
            @Override
            public void stage(String message) {
                events.add(message);
            }

            @Override
            public void progress(String file, int loaded, int total) {
                events.add(file + " " + loaded + "/" + total);
            }
        });

        assertEquals("Checking for model updates…", events.get(0));
        assertTrue(events.contains(fixture.modelFile() + " " + fixture.model.length + "/" + fixture.model.length),
                events.toString());
        assertTrue(events.contains("Starting the recommendation engine…"), events.toString());
    }
}
