package privrec.client.model;

import java.util.Collections;
import java.util.List;

/** The cache when the browser offers neither Cache API nor IndexedDB: stores nothing. */
public final class NoCache implements BlobCache {
    @Override
    public byte[] get(String name) {
        return null;
    }

    @Override
    public void put(String name, byte[] data) {
    }

    @Override
    public void delete(String name) {
    }

    @Override
    public List<String> names() {
        return Collections.emptyList();
    }

    @Override
    public boolean persistent() {
        return false;
    }
}
