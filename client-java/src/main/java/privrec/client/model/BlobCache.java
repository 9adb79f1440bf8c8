package privrec.client.model;

import java.util.List;

/**
 * A persistent name → bytes store for verified files (browser: Cache API, else IndexedDB). Failures throw
 * unchecked exceptions (quota, private mode); the loader treats the cache as optional and carries on without it.
 */
public interface BlobCache {
    /** The stored bytes, or null when absent. */
    byte[] get(String name);

    void put(String name, byte[] data);

    void delete(String name);

    List<String> names();

    /** False for {@link NoCache}: nothing survives the page. */
    default boolean persistent() {
        return true;
    }
}
