package privrec.client.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A BlobCache in a map; {@code full} makes every put fail like a quota error. */
final class InMemoryBlobCache implements BlobCache {
    final TreeMap<String, byte[]> entries = new TreeMap<>();
    boolean full;
    int puts;

    @Override
    public byte[] get(String name) {
        byte[] data = entries.get(name);
        return data == null ? null : data.clone();
    }

    @Override
    public void put(String name, byte[] data) {
        if (full) {
            throw new RuntimeException("QuotaExceededError: the quota has been exceeded");
        }
        puts++;
        entries.put(name, data.clone());
    }

    @Override
    public void delete(String name) {
        entries.remove(name);
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }
}
