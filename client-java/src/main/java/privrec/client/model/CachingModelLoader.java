package privrec.client.model;

import privrec.client.text.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Encoder;
import privrec.core.FormatException;
import privrec.core.IncompatibleVersionException;
import privrec.core.Manifest;
import privrec.core.Manifest.FileEntry;

/**
 * The loading flow, over small interfaces so it runs on the JVM in tests:
 * <ol>
 *   <li>GET {@code manifest.json} (bypassing the HTTP cache), parse it, check it fits this app;</li>
 *   <li>for the model and the catalog: take the cache entry named by the manifest's SHA-256 (re-verified), else
 *       GET the file and verify size and SHA-256 before it is used or cached;</li>
 *   <li>parse the catalog, start an inference session;</li>
 *   <li>only then remember this manifest as the last good one and evict files it no longer names.</li>
 * </ol>
 * When a GET fails, the last good manifest and its cached files are used instead, with a notice. A file that fails
 * its check is never used and never cached.
 */
public final class CachingModelLoader implements ModelLoader {
    public static final String MANIFEST_FILE = "manifest.json";

    private final String baseUrl;
    private final Http http;
    private final Sha256 sha256;
    private final BlobCache cache;
    private final InferenceRuntime runtime;
    private final Supplier<String> today;

    /**
     * @param baseUrl folder of the manifest, ending in "/" (e.g. "models/")
     * @param today   today's date as yyyy-mm-dd, recorded with the last good manifest for the offline notice
     */
    public CachingModelLoader(String baseUrl, Http http, Sha256 sha256, BlobCache cache, InferenceRuntime runtime,
                              Supplier<String> today) {
        if (baseUrl == null || !(baseUrl.isEmpty() || baseUrl.endsWith("/"))) {
            throw new IllegalArgumentException("baseUrl \"" + baseUrl + "\" must be empty or end with /");
        }
        this.baseUrl = baseUrl;
        this.http = http;
        this.sha256 = sha256;
        this.cache = cache == null ? new NoCache() : cache;
        this.runtime = runtime;
        this.today = today;
    }

    @Override
    public LoadedModel load(LoadListener listener) throws ModelLoadException {
        LoadListener out = listener == null ? LoadListener.NONE : listener;
        out.stage("Checking for model updates…");
        String manifestText;
        try {
            manifestText = http.getText(baseUrl + MANIFEST_FILE);
        } catch (HttpException e) {
            return loadOffline(out, e);
        }
        Manifest manifest = parseManifest(manifestText, MANIFEST_FILE);
        Attempt attempt = new Attempt(out, true);
        byte[] model;
        byte[] catalog;
        try {
            model = attempt.obtain(manifest.file(manifest.modelFile()));
            catalog = attempt.obtain(manifest.file(manifest.catalogFile()));
        } catch (HttpException e) {
            // The manifest arrived but a file did not: the last good model is still a verified, usable one.
            return loadOffline(out, e);
        }
        LoadedModel.Source source = attempt.downloaded > 0 ? LoadedModel.Source.NETWORK : LoadedModel.Source.CACHE;
        LoadedModel loaded = build(manifest, model, catalog, source, null, attempt.downloaded, out);
        remember(manifestText, manifest, attempt);
        // Read the notice last: remembering may itself hit a full or unavailable cache.
        String notice = attempt.notice();
        return notice == null ? loaded : withNotice(loaded, notice);
    }

    /** The manifest could not be fetched: use the last good one, whose files must all be in the cache. */
    private LoadedModel loadOffline(LoadListener out, HttpException cause) throws ModelLoadException {
        String why = cause.status() == 0 ? "the server could not be reached"
                : "the server answered HTTP " + cause.status();
        byte[] stored = safeGet(CacheKeys.LAST_GOOD_MANIFEST);
        if (stored == null) {
            throw new ModelLoadException(ModelLoadException.Kind.NETWORK, "Cannot load the recommendation model: "
                    + why + ", and no model is stored on this device yet. Check the connection and try again.", cause);
        }
        out.stage("Offline: loading the model stored on this device…");
        Manifest manifest = parseManifest(new String(stored, StandardCharsets.UTF_8), "cached " + MANIFEST_FILE);
        Attempt attempt = new Attempt(out, false);
        byte[] model;
        byte[] catalog;
        try {
            model = attempt.obtain(manifest.file(manifest.modelFile()));
            catalog = attempt.obtain(manifest.file(manifest.catalogFile()));
        } catch (HttpException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (model == null || catalog == null) {
            throw new ModelLoadException(ModelLoadException.Kind.NETWORK, "Cannot load the recommendation model: "
                    + why + ", and the copy stored on this device is incomplete. Check the connection and try again.",
                    cause);
        }
        byte[] date = safeGet(CacheKeys.LAST_GOOD_DATE);
        String when = date == null ? "" : " cached on " + new String(date, StandardCharsets.UTF_8);
        String notice = "Offline: " + why + ", so the last good model" + when + " is used.";
        return build(manifest, model, catalog, LoadedModel.Source.CACHE_OFFLINE, notice, 0, out);
    }

    private LoadedModel build(Manifest manifest, byte[] modelBytes, byte[] catalogBytes, LoadedModel.Source source,
                              String notice, int downloaded, LoadListener out) throws ModelLoadException {
        Catalog catalog;
        try {
            catalog = CatalogFormat.parse(new String(catalogBytes, StandardCharsets.UTF_8), manifest.catalogFile());
        } catch (FormatException e) {
            throw new ModelLoadException(ModelLoadException.Kind.CORRUPT,
                    "The movie catalog is damaged: " + e.getMessage(), e);
        }
        if (catalog.size() != manifest.itemCount()) {
            throw new ModelLoadException(ModelLoadException.Kind.CORRUPT, "The movie catalog has " + catalog.size()
                    + " movies but the model expects " + manifest.itemCount() + ".");
        }
        out.stage("Starting the recommendation engine…");
        InferenceSessionHandle session;
        try {
            session = runtime.createSession(modelBytes);
        } catch (RuntimeException e) {
            throw new ModelLoadException(ModelLoadException.Kind.RUNTIME_UNAVAILABLE,
                    "The recommendation engine could not start: " + e.getMessage(), e);
        }
        SessionScorer scorer = new SessionScorer(session, manifest.itemCount(), Encoder.profileWidth());
        return new LoadedModel(manifest, catalog, scorer, source, notice, downloaded);
    }

    private static LoadedModel withNotice(LoadedModel m, String notice) {
        return new LoadedModel(m.manifest(), m.catalog(), m.scorer(), m.source(), notice, m.downloadedBytes());
    }

    private Manifest parseManifest(String text, String source) throws ModelLoadException {
        Manifest manifest;
        try {
            manifest = Manifest.parse(text, source);
        } catch (FormatException e) {
            // Manifest.parse gates the format version itself (a typed exception); any other problem is damage.
            ModelLoadException.Kind kind = e instanceof IncompatibleVersionException
                    ? ModelLoadException.Kind.INCOMPATIBLE : ModelLoadException.Kind.CORRUPT;
            throw new ModelLoadException(kind, "The model description (" + source + ") cannot be used: "
                    + e.getMessage(), e);
        }
        try {
            manifest.checkCompatible();
            ManifestShapes.check(manifest, Encoder.profileWidth());
        } catch (FormatException e) {
            throw new ModelLoadException(ModelLoadException.Kind.INCOMPATIBLE, "The published model does not fit"
                    + " this version of the app (" + e.getMessage() + "). Reload the page to update the app.", e);
        }
        return manifest;
    }

    /** After a successful load: store the manifest as last good (once per version) and evict stale files. */
    private void remember(String manifestText, Manifest manifest, Attempt attempt) {
        if (!cache.persistent()) {
            return;
        }
        try {
            byte[] text = manifestText.getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(text, cache.get(CacheKeys.LAST_GOOD_MANIFEST))) {
                cache.put(CacheKeys.LAST_GOOD_DATE, today.get().getBytes(StandardCharsets.UTF_8));
                cache.put(CacheKeys.LAST_GOOD_MANIFEST, text);
            }
            Set<String> keep = new HashSet<>();
            for (FileEntry entry : manifest.files()) {
                keep.add(CacheKeys.file(entry.sha256()));
            }
            List<String> names = cache.names();
            for (String name : names) {
                if (name.startsWith(CacheKeys.FILE_PREFIX) && !keep.contains(name)) {
                    cache.delete(name);
                }
            }
        } catch (RuntimeException e) {
            attempt.cacheFailed(e);
        }
    }

    private byte[] safeGet(String name) {
        try {
            return cache.get(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One pass over the manifest's files: counts downloads and collects cache problems for the notice. */
    private final class Attempt {
        private final LoadListener out;
        private final boolean online;
        private int downloaded;
        private String cacheProblem;

        Attempt(LoadListener out, boolean online) {
            this.out = out;
            this.online = online;
        }

        /** Verified bytes of {@code entry}: from the cache, else (online only) downloaded; null if offline and absent. */
        byte[] obtain(FileEntry entry) throws HttpException, ModelLoadException {
            String key = CacheKeys.file(entry.sha256());
            byte[] cached = safeGet(key);
            if (cached != null) {
                if (matches(cached, entry)) {
                    return cached;
                }
                // Damaged on disk (or edited): drop it and fetch a good copy.
                try {
                    cache.delete(key);
                } catch (RuntimeException e) {
                    cacheFailed(e);
                }
            }
            if (!online) {
                return null;
            }
            out.stage("Downloading " + entry.name() + " (" + Numbers.bytes(entry.bytes()) + ")…");
            byte[] bytes = http.getBytes(baseUrl + entry.name(), loaded -> out.progress(entry.name(), loaded, entry.bytes()));
            downloaded += bytes.length;
            out.stage("Verifying " + entry.name() + "…");
            if (bytes.length != entry.bytes()) {
                throw new ModelLoadException(ModelLoadException.Kind.HASH_MISMATCH, "The downloaded file "
                        + entry.name() + " has " + bytes.length + " bytes but the manifest says " + entry.bytes()
                        + ". It was discarded and not used. Try again later.");
            }
            if (!matches(bytes, entry)) {
                throw new ModelLoadException(ModelLoadException.Kind.HASH_MISMATCH, "The downloaded file "
                        + entry.name() + " does not match its published SHA-256 fingerprint, so it may have been"
                        + " altered. It was discarded and not used. Try again later.");
            }
            if (cache.persistent() && cacheProblem == null) {
                try {
                    cache.put(key, bytes);
                } catch (RuntimeException e) {
                    cacheFailed(e);
                }
            }
            return bytes;
        }

        private boolean matches(byte[] bytes, FileEntry entry) throws ModelLoadException {
            if (bytes.length != entry.bytes()) {
                return false;
            }
            String actual;
            try {
                actual = sha256.hex(bytes);
            } catch (RuntimeException e) {
                throw new ModelLoadException(ModelLoadException.Kind.RUNTIME_UNAVAILABLE, "This browser cannot"
                        + " verify the model's fingerprint (WebCrypto: " + e.getMessage() + "). The page must be"
                        + " served over HTTPS.", e);
            }
            return entry.sha256().equals(actual);
        }

        void cacheFailed(RuntimeException e) {
            if (cacheProblem == null) {
                cacheProblem = e.getMessage();
            }
        }

        String notice() {
            if (!cache.persistent()) {
                return "This browser cannot store the model, so it is downloaded on every visit and is not"
                        + " available offline.";
            }
            if (cacheProblem != null) {
                return "The model could not be stored on this device (" + cacheProblem + "), so it will be"
                        + " downloaded again next time.";
            }
            return null;
        }
    }
}
