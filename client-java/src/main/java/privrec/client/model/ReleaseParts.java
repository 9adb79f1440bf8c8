package privrec.client.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import privrec.client.text.Numbers;
import privrec.core.Manifest.FileEntry;

/**
 * One pass over a release's parts: each is taken from the cache by its SHA-256 when held (and verified again), or
 * downloaded; all downloads start at once ({@link #begin}) and each is checked against the manifest when it is
 * collected ({@link #finish}). A part that fails its check is never returned and never stored. Verified downloads
 * are stored by {@link #storeVerified}, which the loader calls once the pass is over, also when another part
 * failed (after {@link #finishStarted} collected the rest): they are verified, and a retry then fetches only what
 * is still missing.
 */
final class ReleaseParts {
    /** A part could not be obtained: its GET failed, it was cut short, or it does not match the manifest. */
    static final class PartFailed extends Exception {
        final ModelLoadException.Kind kind;

        PartFailed(ModelLoadException.Kind kind, String sentence, Throwable cause) {
            super(sentence, cause);
            this.kind = kind;
        }
    }

    /** Offline and a part the last good manifest names is not in the cache. */
    static final class MissingOffline extends RuntimeException {
        MissingOffline() {
            super(null, null, false, false);
        }
    }

    /** A part being obtained: its cached bytes (not yet verified) or its download under way. */
    private static final class Pending {
        final FileEntry entry;
        final byte[] cached;
        Http.Download download;
        /** Its download was collected and failed. */
        boolean failed;

        Pending(FileEntry entry, byte[] cached, Http.Download download) {
            this.entry = entry;
            this.cached = cached;
            this.download = download;
        }
    }

    private final String baseUrl;
    private final Http http;
    private final Sha256 sha256;
    private final BlobCache cache;
    private final LoadListener out;
    final boolean online;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<Pending> verifiedDownloads = new ArrayList<>();
    /** Bytes downloaded by this pass (verified or not). */
    int downloaded;
    private String cacheProblem;

    ReleaseParts(String baseUrl, Http http, Sha256 sha256, BlobCache cache, LoadListener out, boolean online) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.sha256 = sha256;
        this.cache = cache;
        this.out = out;
        this.online = online;
    }

    /** Looks the part up in the cache and, when absent and online, starts its GET at once. */
    void begin(FileEntry entry) {
        byte[] cached = safeGet(CacheKeys.file(entry.sha256()));
        pending.put(entry.name(), new Pending(entry, cached, cached == null ? startDownload(entry) : null));
    }

    private Http.Download startDownload(FileEntry entry) {
        if (!online) {
            return null;
        }
        out.stage("Downloading " + entry.name() + " (" + Numbers.bytes(entry.bytes()) + ")…");
        return http.start(baseUrl + entry.name(), loaded -> out.progress(entry.name(), loaded, entry.bytes()));
    }

    /**
     * Verified bytes of a part {@link #begin} started: the cached copy when it matches, else (online only) the
     * download; offline and absent throws {@link MissingOffline}.
     */
    byte[] finish(String name) throws PartFailed, ModelLoadException {
        Pending file = pending.get(name);
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
        byte[] bytes;
        try {
            bytes = file.download.bytes();
        } catch (HttpException e) {
            file.failed = true;
            String why = e.status() == 0 ? "the download of " + entry.name() + " failed (" + e.getMessage() + ")"
                    : "the server answered HTTP " + e.status() + " for " + entry.name();
            throw new PartFailed(ModelLoadException.Kind.NETWORK, why, e);
        }
        downloaded += bytes.length;
        out.stage("Verifying " + entry.name() + "…");
        file.failed = true; // until it passes both checks below
        if (bytes.length != entry.bytes()) {
            throw new PartFailed(ModelLoadException.Kind.HASH_MISMATCH, "The downloaded file " + entry.name()
                    + " has " + bytes.length + " bytes but the manifest says " + entry.bytes()
                    + ". It was discarded and not used.", null);
        }
        if (!matches(bytes, entry)) {
            throw new PartFailed(ModelLoadException.Kind.HASH_MISMATCH, "The downloaded file " + entry.name()
                    + " does not match its published SHA-256 fingerprint, so it may have been altered. It was"
                    + " discarded and not used.", null);
        }
        file.failed = false;
        verifiedDownloads.add(new Pending(entry, bytes, null));
        return bytes;
    }

    /**
     * After a part failed: collects the downloads already under way (they were started together) and verifies
     * them, ignoring their failures, so {@link #storeVerified} keeps every good part and a retry fetches only what
     * is still missing. Cached copies are not touched.
     */
    void finishStarted() {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending file = e.getValue();
            boolean collected = verifiedDownloads.stream().anyMatch(v -> v.entry == file.entry);
            if (file.download != null && file.cached == null && !collected && !file.failed) {
                try {
                    finish(e.getKey());
                } catch (PartFailed | ModelLoadException | RuntimeException ignored) {
                    // This one is missing too; the notice already names the first failure.
                }
            }
        }
    }

    /** Puts the verified downloads into the cache, by hash (after the model started, so it never waits on this). */
    void storeVerified() {
        if (!cache.persistent()) {
            return;
        }
        for (Pending file : verifiedDownloads) {
            if (cacheProblem != null) {
                return;
            }
            try {
                cache.put(CacheKeys.file(file.entry.sha256()), file.cached);
            } catch (RuntimeException e) {
                cacheFailed(e);
            }
        }
        verifiedDownloads.clear();
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

    private byte[] safeGet(String name) {
        try {
            return cache.get(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    void cacheFailed(RuntimeException e) {
        if (cacheProblem == null) {
            cacheProblem = e.getMessage();
        }
    }

    /** A sentence about the cache for the user, or null when all is well. */
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
