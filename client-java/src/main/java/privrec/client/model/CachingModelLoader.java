package privrec.client.model;

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
import privrec.core.privacy.BasisChunk;
import privrec.core.privacy.BasisRows;
import privrec.core.privacy.ByteSource;
import privrec.core.privacy.ContributionPolicy;

/**
 * The loading flow, over small interfaces so it runs on the JVM in tests:
 * <ol>
 *   <li>GET {@code manifest.json} (bypassing the HTTP cache), parse it, check it fits this app;</li>
 *   <li>for every part of the release (the graph, its external data files — the item basis chunks — and the
 *       catalog chunks): take the cache entry named by the part's SHA-256, else start its GET — all downloads run
 *       at once, and a part an earlier release shares is never fetched again;</li>
 *   <li>verify every part's size and SHA-256 (re-verified when it came from the cache), and only then start the
 *       inference session (in the browser it is built in onnxruntime-web's worker) while the catalog chunks are
 *       parsed in slices ({@link Pacer}) and joined;</li>
 *   <li>only then store the downloaded parts, remember this manifest as the last good one and evict parts it no
 *       longer names.</li>
 * </ol>
 * When the manifest cannot be fetched, or a part cannot (its GET fails, is cut short, or the part fails its
 * check), the last good release and its cached parts are used instead, with a notice. A part that fails its
 * check is never used and never cached; the parts of the new release that were verified are stored, so the next
 * attempt fetches only the rest.
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
        // The engine starts while the manifest and the parts are fetched, read from the cache and verified.
        runtime.warmUp();
        out.stage("Checking for model updates…");
        String manifestText;
        try {
            manifestText = http.getText(baseUrl + MANIFEST_FILE);
        } catch (HttpException e) {
            String why = e.status() == 0 ? "the server could not be reached"
                    : "the server answered HTTP " + e.status();
            return loadLastGood(out, "Offline: " + why + ", so the last good model%s is used.",
                    ModelLoadException.Kind.NETWORK, "Cannot load the recommendation model: " + why, e);
        }
        Manifest manifest = parseManifest(manifestText, MANIFEST_FILE);
        ReleaseParts parts = parts(out, true);
        LoadedModel loaded;
        try {
            loaded = build(manifest, parts, null, out);
        } catch (ReleaseParts.PartFailed e) {
            // The manifest arrived but a part did not: the last good release is still a verified, usable one.
            parts.finishStarted();
            parts.storeVerified();
            String reason = e.kind == ModelLoadException.Kind.NETWORK ? e.getMessage()
                    : e.getMessage().replace(". It was discarded and not used.", ": it was discarded and not used");
            return loadLastGood(out, "The model update could not be completed (" + reason
                            + "), so the last good model%s is used.", e.kind,
                    e.kind == ModelLoadException.Kind.NETWORK ? "Cannot load the recommendation model: " + reason
                            : e.getMessage() + " Try again later.", e);
        }
        parts.storeVerified();
        remember(manifestText, manifest, parts);
        // Read the notice last: remembering may itself hit a full or unavailable cache.
        String notice = parts.notice();
        return notice == null ? loaded : withNotice(loaded, notice);
    }

    private ReleaseParts parts(LoadListener out, boolean online) {
        return new ReleaseParts(baseUrl, http, sha256, cache, out, online);
    }

    /**
     * The newest release cannot be used: load the last good one, whose parts must all be in the cache.
     *
     * @param noticeFormat the notice, with {@code %s} where " cached on yyyy-mm-dd" goes
     * @param failure      what to throw, with this sentence (completed with the state of the cache), when no
     *                     release is stored
     */
    private LoadedModel loadLastGood(LoadListener out, String noticeFormat, ModelLoadException.Kind kind,
                                     String failure, Exception cause) throws ModelLoadException {
        byte[] stored = safeGet(CacheKeys.LAST_GOOD_MANIFEST);
        String tail = kind == ModelLoadException.Kind.NETWORK ? " Check the connection and try again." : "";
        if (stored == null) {
            throw new ModelLoadException(kind, failure + (kind == ModelLoadException.Kind.NETWORK
                    ? ", and no model is stored on this device yet." + tail : ""), cause);
        }
        out.stage("Loading the model stored on this device…");
        Manifest manifest;
        try {
            manifest = parseManifest(new String(stored, StandardCharsets.UTF_8), "cached " + MANIFEST_FILE);
        } catch (ModelLoadException e) {
            // E.g. a format-2 release cached by the app before this one: no longer usable, so none is stored.
            throw new ModelLoadException(kind, failure + (kind == ModelLoadException.Kind.NETWORK
                    ? ", and the model stored on this device was saved by an older version of the app." + tail : ""),
                    cause);
        }
        byte[] date = safeGet(CacheKeys.LAST_GOOD_DATE);
        String when = date == null ? "" : " cached on " + new String(date, StandardCharsets.UTF_8);
        String notice = noticeFormat.replace("%s", when);
        try {
            return build(manifest, parts(out, false), notice, out);
        } catch (ReleaseParts.PartFailed impossible) {
            throw new IllegalStateException(impossible);
        } catch (ReleaseParts.MissingOffline e) {
            throw new ModelLoadException(kind, failure + (kind == ModelLoadException.Kind.NETWORK
                    ? ", and the copy stored on this device is incomplete." + tail : ""), cause);
        }
    }

    /**
     * Every part requested at once; the session starts once all of them are verified, and the catalog chunks are
     * parsed while it starts (a catalog that then fails to parse leaves that session unused).
     */
    private LoadedModel build(Manifest manifest, ReleaseParts parts, String notice, LoadListener out)
            throws ReleaseParts.PartFailed, ModelLoadException {
        for (String name : manifest.partNames()) {
            parts.begin(manifest.file(name));
        }
        byte[] modelBytes = parts.finish(manifest.modelFile());
        List<InferenceRuntime.ExternalData> data = new ArrayList<>();
        for (String name : manifest.modelData()) {
            data.add(new InferenceRuntime.ExternalData(name, parts.finish(name)));
        }
        List<byte[]> catalogChunks = new ArrayList<>();
        for (String name : manifest.catalogFiles()) {
            catalogChunks.add(parts.finish(name));
        }
        out.stage("Starting the recommendation engine…");
        InferenceRuntime.Starting starting;
        try {
            starting = runtime.startSession(modelBytes, data);
        } catch (RuntimeException e) {
            throw engineFailed(e);
        }
        Catalog catalog;
        try {
            catalog = CatalogChunks.join(catalogChunks, manifest.catalogFiles(), utf8, pacer);
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
        LoadedModel.Source source = !parts.online ? LoadedModel.Source.CACHE_OFFLINE
                : parts.downloaded > 0 ? LoadedModel.Source.NETWORK : LoadedModel.Source.CACHE;
        return new LoadedModel(manifest, catalog, scorer, source, notice, parts.downloaded, basis(manifest, data));
    }

    /**
     * The item basis for a contribution report, over the verified chunk bytes already in hand (in the browser a
     * Java byte[] is a JS Int8Array: this wraps it, it does not copy or fetch anything). Null when the release
     * takes no contributions, so other releases keep no reference to the chunks; null too when a chunk does not
     * describe itself (then no report can be made, and the model still works).
     */
    static BasisRows basis(Manifest manifest, List<InferenceRuntime.ExternalData> data) {
        try {
            if (ContributionPolicy.of(manifest) == null || data.isEmpty()) {
                return null;
            }
            List<BasisChunk> chunks = new ArrayList<>();
            for (InferenceRuntime.ExternalData d : data) {
                chunks.add(BasisChunk.parse(ByteSource.of(d.data()), d.path()));
            }
            return BasisChunk.join(chunks);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ModelLoadException engineFailed(RuntimeException e) {
        return new ModelLoadException(ModelLoadException.Kind.RUNTIME_UNAVAILABLE,
                "The recommendation engine could not start: " + e.getMessage(), e);
    }

    private static LoadedModel withNotice(LoadedModel m, String notice) {
        return new LoadedModel(m.manifest(), m.catalog(), m.scorer(), m.source(), notice, m.downloadedBytes(),
                m.basis());
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

    /** After a successful load: store the manifest as last good (once per version) and evict parts it does not name. */
    private void remember(String manifestText, Manifest manifest, ReleaseParts parts) {
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
            parts.cacheFailed(e);
        }
    }

    private byte[] safeGet(String name) {
        try {
            return cache.get(name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
