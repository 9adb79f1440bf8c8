package privrec.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole static site, loaded into memory once (about 20 MB with compressed copies): lookups are map gets,
 * so no request path ever reaches the file system and path traversal has nothing to traverse.
 *
 * <p>Files named {@code x.gz} / {@code x.br} next to {@code x} are its precompressed copies and are not
 * addressable on their own.
 */
public final class Site {

    /** Resource folder inside the jar (and inside target/classes) that holds the site. */
    public static final String RESOURCE_ROOT = "site";

    private static final Pattern HASHED_NAME = Pattern.compile("-([0-9a-f]{8,64})\\.[A-Za-z0-9.]+$");
    private static final Map<String, String> SIBLING_CODINGS = Map.of(".br", "br", ".gz", "gzip");

    private final Map<String, Asset> assets;
    private final List<String> warnings;

    private Site(Map<String, Asset> assets, List<String> warnings) {
        this.assets = Collections.unmodifiableMap(assets);
        this.warnings = List.copyOf(warnings);
    }

    /** Problems found while loading (e.g. a stale compressed copy that was dropped), one sentence each. */
    public List<String> warnings() {
        return warnings;
    }

    /** The site embedded in the running jar, or in target/classes when run from the build or tests. */
    public static Site fromClasspath() {
        URL index = Site.class.getResource("/" + RESOURCE_ROOT + "/index.html");
        if (index == null) {
            throw new IllegalStateException("no /" + RESOURCE_ROOT + "/index.html on the classpath; build the webapp module first");
        }
        try {
            URI uri = index.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromDirectory(jar.getPath("/" + RESOURCE_ROOT));
                }
            }
            return fromDirectory(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the embedded site at " + index, e);
        }
    }

    /** Every regular file under {@code root}; siblings {@code x.gz}/{@code x.br} become encodings of {@code x}. */
    public static Site fromDirectory(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site " + root, e);
        }
        return fromFiles(files);
    }

    /**
     * A site from in-memory files (path without leading slash → bytes), including any .gz/.br siblings. Each
     * sibling is decompressed and kept only if it decodes to exactly the file's bytes: a {@code .br} left over
     * from an older build is dropped (with a warning) instead of being served under the new file's ETag.
     */
    public static Site fromFiles(Map<String, byte[]> files) {
        Map<String, Asset> assets = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            String path = f.getKey();
            if (codingOfSibling(path, files).isPresent()) {
                continue;
            }
            Map<String, byte[]> encoded = new LinkedHashMap<>();
            SIBLING_CODINGS.forEach((suffix, coding) -> {
                byte[] sibling = files.get(path + suffix);
                if (sibling == null) {
                    return;
                }
                if (Compression.decodesTo(coding, sibling, f.getValue())) {
                    encoded.put(coding, sibling);
                } else {
                    warnings.add(path + suffix + " does not decompress to " + path + " (stale or damaged); "
                            + "serving " + path + " without it");
                }
            });
            String sha = sha256Hex(f.getValue());
            assets.put(path, new Asset(path, f.getValue(), encoded, sha, MediaTypes.forPath(path),
                    isContentHashed(path, sha)));
        }
        return new Site(assets, warnings);
    }

    /**
     * This site with some files replaced or added (identity bytes only; stale .gz/.br siblings of replaced files are
     * dropped). For tests: a tampered model, a hostile catalog title, a test page.
     */
    public Site withFiles(Map<String, byte[]> overrides) {
        Map<String, byte[]> files = new TreeMap<>();
        for (Asset a : assets.values()) {
            if (overrides.containsKey(a.path())) {
                continue;
            }
            files.put(a.path(), a.content());
            a.representation("br").ifPresent(b -> files.put(a.path() + ".br", b));
            a.representation("gzip").ifPresent(b -> files.put(a.path() + ".gz", b));
        }
        files.putAll(overrides);
        return fromFiles(files);
    }

    /** The asset at {@code path} (no leading slash). */
    public Optional<Asset> find(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    public List<String> paths() {
        return List.copyOf(assets.keySet());
    }

    /**
     * True when the file name has the form {@code name-<hex>.ext} and {@code <hex>} (8–64 digits) is a prefix of
     * the content's SHA-256 — then the URL can never name other bytes, and browsers may cache it forever.
     */
    static boolean isContentHashed(String path, String sha256) {
        Matcher m = HASHED_NAME.matcher(path.substring(path.lastIndexOf('/') + 1));
        return m.find() && sha256.startsWith(m.group(1));
    }

    private static Optional<String> codingOfSibling(String path, Map<String, byte[]> files) {
        for (Map.Entry<String, String> s : SIBLING_CODINGS.entrySet()) {
            if (path.endsWith(s.getKey()) && files.containsKey(path.substring(0, path.length() - s.getKey().length()))) {
                return Optional.of(s.getValue());
            }
        }
        return Optional.empty();
    }

    /** Lowercase hex SHA-256: the webapp module's one implementation (ETags, hashed names, test fixtures). */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
