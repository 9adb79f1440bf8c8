package privrec.client.model;

import privrec.client.text.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.FormatException;
import privrec.core.IncompatibleVersionException;
import privrec.core.Manifest;
import privrec.core.Manifest.FileEntry;

/**
 * The loading flow, over small interfaces so it runs on the JVM in tests:
 * <ol>
 *   <li>GET {@code manifest.json} (bypassing the HTTP cache), parse it, check it fits this app;</li>
 *   <li>for the model and the catalog: take the cache entry named by the manifest's SHA-256, else start its GET —
 *       both downloads run at once;</li>
 *   <li>verify both files' size and SHA-256 (re-verified when they came from the cache), start the inference
 *       session (in the browser it is built in onnxruntime-web's worker), and meanwhile parse the catalog in slices
 *       ({@link Pacer});</li>
 *   <li>only then store the downloaded files, remember this manifest as the last good one and evict files it no
 *       longer names.</li>
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
    private final Utf8Decoder utf8;
    private final Pacer pacer;

    /** A loader with the JDK's UTF-8 decoder that never pauses between catalog slices (JVM tests). */
    public CachingModelLoader(String baseUrl, Http http, Sha256 sha256, BlobCache cache, InferenceRuntime runtime,
                              Supplier<String> today) {
        this(baseUrl, http, sha256, cache, runtime, today, Utf8Decoder.JAVA, Pacer.NONE);
    }

    /**
     * @param baseUrl folder of the manifest, ending in "/" (e.g. "models/")
     * @param today   today's date as yyyy-mm-dd, recorded with the last good manifest for the offline notice
     * @param utf8    decodes the catalog
     * @param pacer   gives the page a turn between slices of catalog parsing
     */
    public CachingModelLoader(String baseUrl, Http http, Sha256 sha256, BlobCache cache, InferenceRuntime runtime,
                              Supplier<String> today, Utf8Decoder utf8, Pacer pacer) {
        if (baseUrl == null || !(baseUrl.isEmpty() || baseUrl.endsWith("/"))) {
            throw new IllegalArgumentException("baseUrl \"" + baseUrl + "\" must be empty or end with /");
        }
        this.baseUrl = baseUrl;
        this.http = http;
        this.sha256 = sha256;
        this.cache = cache == null ? new NoCache() : cache;
        this.runtime = runtime;
        this.today = today;
        this.utf8 = utf8 == null ? Utf8Decoder.JAVA : utf8;
        this.pacer = pacer == null ? Pacer.NONE : pacer;
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
        LoadedModel loaded;
        try {
            loaded = build(manifest, attempt, null, out);
        } catch (HttpException e) {
            // The manifest arrived but a file did not: the last good model is still a verified, usable one.
            return loadOffline(out, e);
        }
        attempt.storeDownloads();
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
        byte[] date = safeGet(CacheKeys.LAST_GOOD_DATE);
        String when = date == null ? "" : " cached on " + new String(date, StandardCharsets.UTF_8);
        String notice = "Offline: " + why + ", so the last good model" + when + " is used.";
        try {
            return build(manifest, attempt, notice, out);
        } catch (HttpException impossible) {
            throw new IllegalStateException(impossible);
        } catch (MissingOffline e) {
            throw new ModelLoadException(ModelLoadException.Kind.NETWORK, "Cannot load the recommendation model: "
                    + why + ", and the copy stored on this device is incomplete. Check the connection and try again.",
                    cause);
        }
    }

    /**
     * Both files requested at once; the session starts as soon as both are verified, and the catalog is parsed
     * while it starts (a catalog that then fails to parse leaves that session unused).
     */
    private LoadedModel build(Manifest manifest, Attempt attempt, String notice, LoadListener out)
            throws HttpException, ModelLoadException {
        Attempt.Pending modelFile = attempt.begin(manifest.file(manifest.modelFile()));
        Attempt.Pending catalogFile = attempt.begin(manifest.file(manifest.catalogFile()));
        byte[] modelBytes = attempt.finish(modelFile);
        byte[] catalogBytes = attempt.finish(catalogFile);
        out.stage("Starting the recommendation engine…");
        InferenceRuntime.Starting starting;
        try {
            starting = runtime.startSession(modelBytes);
        } catch (RuntimeException e) {
            throw engineFailed(e);
        }
        Catalog catalog;
        try {
            catalog = SlicedCatalog.parse(catalogBytes, manifest.catalogFile(), utf8, pacer);
        } catch (FormatException e) {
            throw new ModelLoadException(ModelLoadException.Kind.CORRUPT,
                    "The movie catalog is damaged: " + e.getMessage(), e);
        }
        if (catalog.size() != manifest.itemCount()) {
            throw new ModelLoadException(ModelLoadException.Kind.CORRUPT, "The movie catalog has " + catalog.size()
                    + " movies but the model expects " + manifest.itemCount() + ".");
        }
        InferenceSessionHandle session;
        try {
            session = starting.session();
        } catch (RuntimeException e) {
            throw engineFailed(e);
        }
        boolean explains = manifest.outputs().stream().anyMatch(t -> t.name().equals(Manifest.CONTRIBUTIONS_OUTPUT));
        SessionScorer scorer = new SessionScorer(session, manifest.itemCount(), Encoder.profileWidth(), explains);
        LoadedModel.Source source = !attempt.online ? LoadedModel.Source.CACHE_OFFLINE
                : attempt.downloaded > 0 ? LoadedModel.Source.NETWORK : LoadedModel.Source.CACHE;
        return new LoadedModel(manifest, catalog, scorer, source, notice, attempt.downloaded);
    }

    private static ModelLoadException engineFailed(RuntimeException e) {
        return new ModelLoadException(ModelLoadException.Kind.RUNTIME_UNAVAILABLE,
                "The recommendation engine could not start: " + e.getMessage(), e);
    }

    /** Offline and a file the last good manifest names is not in the cache. */
    private static final class MissingOffline extends RuntimeException {
        MissingOffline() {
            super(null, null, false, false);
        }
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
        private final List<Pending> toStore = new ArrayList<>();
        private int downloaded;
        private String cacheProblem;

        Attempt(LoadListener out, boolean online) {
            this.out = out;
            this.online = online;
        }

        /** A file being obtained: its cached bytes (not yet verified) or its download under way. */
        final class Pending {
            final FileEntry entry;
            final byte[] cached;
            Http.Download download;

            Pending(FileEntry entry, byte[] cached, Http.Download download) {
                this.entry = entry;
                this.cached = cached;
                this.download = download;
            }
        }

        /** Looks the file up in the cache and, when absent and online, starts its GET at once. */
        Pending begin(FileEntry entry) {
            byte[] cached = safeGet(CacheKeys.file(entry.sha256()));
            return new Pending(entry, cached, cached == null ? startDownload(entry) : null);
        }

        private Http.Download startDownload(FileEntry entry) {
            if (!online) {
                return null;
            }
            out.stage("Downloading " + entry.name() + " (" + Numbers.bytes(entry.bytes()) + ")…");
            return http.start(baseUrl + entry.name(), loaded -> out.progress(entry.name(), loaded, entry.bytes()));
        }

        /**
         * Verified bytes of the file: the cached copy when it matches, else (online only) the download; offline
         * and absent throws {@link MissingOffline}. Downloads are stored later, by {@link #storeDownloads}.
         */
        byte[] finish(Pending file) throws HttpException, ModelLoadException {
            FileEntry entry = file.entry;
            if (file.cached != null) {
                if (matches(file.cached, entry)) {
                    return file.cached;
                }
                // Damaged on disk (or edited): drop it and fetch a good copy.
                try {
                    cache.delete(CacheKeys.file(entry.sha256()));
                } catch (RuntimeException e) {
                    cacheFailed(e);
                }
                file.download = startDownload(entry);
            }
            if (file.download == null) {
                throw new MissingOffline();
            }
            byte[] bytes = file.download.bytes();
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
            toStore.add(new Pending(entry, bytes, null));
            return bytes;
        }

        /** Puts the verified downloads into the cache, by hash (after the model started, so it never waits on this). */
        void storeDownloads() {
            if (!cache.persistent()) {
                return;
            }
            for (Pending file : toStore) {
                if (cacheProblem != null) {
                    return;
                }
                try {
                    cache.put(CacheKeys.file(file.entry.sha256()), file.cached);
                } catch (RuntimeException e) {
                    cacheFailed(e);
                }
            }
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
