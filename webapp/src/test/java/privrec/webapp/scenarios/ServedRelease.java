package privrec.webapp.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Item;
import privrec.core.Manifest;
import privrec.webapp.Site;

/** The release a site serves under {@code models/}: its manifest and the bytes of each part it names. */
record ServedRelease(Manifest manifest, Map<String, byte[]> parts) {
    static ServedRelease of(Site site) {
        Manifest manifest = Manifest.parse(new String(file(site, "manifest.json"), StandardCharsets.UTF_8),
                "models/manifest.json");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (String name : manifest.partNames()) {
            parts.put(name, file(site, name));
        }
        return new ServedRelease(manifest, parts);
    }

    private static byte[] file(Site site, String name) {
        return site.find("models/" + name).orElseThrow(() -> new IllegalStateException("the site serves no models/"
                + name)).content();
    }

    /** The catalog chunks joined, column index running on across them, as the app joins them. */
    Catalog catalog() {
        List<Item> items = new ArrayList<>();
        for (String name : manifest.catalogFiles()) {
            for (Item item : CatalogFormat.parse(new String(parts.get(name), StandardCharsets.UTF_8), name).items()) {
                items.add(new Item(items.size(), item.id(), item.title(), item.year(), item.genreMask(),
                        item.popularity()));
            }
        }
        return new Catalog(items);
    }

    /** Writes every part under its own name into a fresh temporary folder (for ONNX Runtime Java, by path). */
    Path writeToTemporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("privrec-served-");
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                Files.write(dir.resolve(part.getKey()), part.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
