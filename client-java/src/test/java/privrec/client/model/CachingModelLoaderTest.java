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

    @Test
    void firstLoadDownloadsVerifiesAndCaches() throws Exception {
        fixture.publish(http);
        LoadedModel model = load();

        assertEquals(LoadedModel.Source.NETWORK, model.source());
        assertNull(model.notice());
        assertEquals(fixture.model.length + fixture.catalog.length, model.downloadedBytes());
        assertEquals(List.of("GET models/manifest.json", "GET models/model.onnx", "GET models/catalog.tsv"), http.requests);
        assertEquals("Toy Story", model.catalog().get(0).title());
        assertArrayEquals(fixture.model, runtime.sessionsCreatedFrom.get(0));
        assertArrayEquals(fixture.model, cache.get(fileKey(fixture.model)));
        assertArrayEquals(fixture.catalog, cache.get(fileKey(fixture.catalog)));
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
    void manifestChangeRedownloadsOnlyChangedFilesAndEvictsOldOnes() throws Exception {
        fixture.publish(http);
        load();
        String oldModelKey = fileKey(fixture.model);
        fixture.model = "onnx-model-v2, retrained".getBytes(StandardCharsets.UTF_8);
        fixture.publish(http);
        http.requests.clear();

        LoadedModel updated = load();

        assertEquals(LoadedModel.Source.NETWORK, updated.source());
        assertEquals(List.of("GET models/model.onnx"), http.downloads());
        assertEquals(fixture.model.length, updated.downloadedBytes());
        assertArrayEquals(fixture.model, runtime.sessionsCreatedFrom.get(1));
        assertFalse(cache.entries.containsKey(oldModelKey), "the replaced model is evicted");
        assertTrue(cache.entries.containsKey(fileKey(fixture.catalog)), "the unchanged catalog stays");
        assertTrue(new String(cache.get(CacheKeys.LAST_GOOD_MANIFEST), StandardCharsets.UTF_8)
                .contains(JdkSha256.of(fixture.model)));
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
        assertTrue(e.getMessage().contains("model.onnx"), e.getMessage());
        assertTrue(runtime.sessionsCreatedFrom.isEmpty(), "the tampered model never reaches the runtime");
        assertFalse(cache.entries.containsKey(fileKey(tampered)));
        assertFalse(cache.entries.containsKey(CacheKeys.file(published.file("model.onnx").sha256())));
        assertFalse(cache.entries.containsKey(CacheKeys.LAST_GOOD_MANIFEST));
    }

    @Test
    void sizeMismatchIsRefusedBeforeHashing() throws Exception {
        Manifest published = fixture.manifest();
        fixture.catalog = (new String(fixture.catalog, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        fixture.publish(http, published);

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.HASH_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("catalog.tsv") && e.getMessage().contains("bytes"), e.getMessage());
        assertTrue(runtime.sessionsCreatedFrom.isEmpty());
        assertFalse(cache.entries.containsKey(fileKey(fixture.catalog)));
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
        http.files.remove(ModelFixture.BASE + "model.onnx"); // new manifest is up, its model is not

        LoadedModel model = load();

        assertEquals(LoadedModel.Source.CACHE_OFFLINE, model.source());
        assertTrue(model.notice().contains("HTTP 404"), model.notice());
        assertArrayEquals(lastGood, runtime.sessionsCreatedFrom.get(1));
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
        String text = new String(fixture.catalog, StandardCharsets.UTF_8).replace("\tGoldenEye\t=1995", "\tGoldenEye\tnineteen");
        fixture.catalog = text.getBytes(StandardCharsets.UTF_8);
        fixture.publish(http); // correctly hashed: the publisher shipped a bad file

        ModelLoadException e = loadFails();

        assertEquals(ModelLoadException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("catalog.tsv:3"), e.getMessage());
        // The session starts from the verified model while the catalog is parsed, so one may have been created;
        // the load still fails and nothing is remembered.
        assertFalse(cache.entries.containsKey(CacheKeys.LAST_GOOD_MANIFEST), "a model that failed to load is not 'good'");
    }

    @Test
    void catalogOfAnotherSizeThanTheModelIsCorrupt() {
        Catalog twoMovies = new Catalog(ModelFixture.catalog().items().subList(0, 2));
        fixture.catalog = CatalogFormat.write(twoMovies).getBytes(StandardCharsets.UTF_8);
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

        assertEquals(List.of("GET models/model.onnx"), http.downloads());
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

        assertEquals(2, http.downloads().size());
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
        assertTrue(events.contains("model.onnx " + fixture.model.length + "/" + fixture.model.length), events.toString());
        assertTrue(events.contains("Starting the recommendation engine…"), events.toString());
    }
}
