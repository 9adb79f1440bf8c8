package privrec.client.js.net;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.core.JSUndefined;
import org.teavm.jso.typedarrays.ArrayBuffer;
import privrec.client.js.Bytes;
import privrec.client.js.JsPromises;
import privrec.client.model.BlobCache;

/**
 * {@link BlobCache} in the Cache API (cache "privrec-models-v1"). Entries are keyed by a same-origin pseudo URL
 * ({@code privrec-cache/<name>}) that is only a key: the Cache API never requests it, and no entry ever reaches
 * the server.
 */
public final class CacheApiBlobCache implements BlobCache {
    static final String CACHE_NAME = "privrec-models-v1";
    private static final String KEY_PREFIX = "privrec-cache/";

    private final JSObject cache;

    private CacheApiBlobCache(JSObject cache) {
        this.cache = cache;
    }

    /** Feature detection: {@code caches} exists only in secure contexts, and not at all in some engines. */
    @JSBody(script = "return typeof caches !== 'undefined' && !!caches && typeof caches.open === 'function';")
    public static native boolean available();

    /** Opens the cache; throws (e.g. SecurityError in private windows) when the browser refuses. */
    public static CacheApiBlobCache open() {
        return new CacheApiBlobCache(JsPromises.await(openCache(CACHE_NAME)));
    }

    @Override
    public byte[] get(String name) {
        ArrayBuffer body = JsPromises.await(match(cache, KEY_PREFIX + name));
        return body == null ? null : Bytes.wrap(body);
    }

    @Override
    public void put(String name, byte[] data) {
        JsPromises.await(put(cache, KEY_PREFIX + name, data));
    }

    @Override
    public void delete(String name) {
        JsPromises.await(delete(cache, KEY_PREFIX + name));
    }

    @Override
    public List<String> names() {
        JSArray<JSString> keys = JsPromises.await(keys(cache, KEY_PREFIX));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.getLength(); i++) {
            names.add(keys.get(i).stringValue());
        }
        return names;
    }

    @JSBody(params = "name", script = "return caches.open(name);")
    private static native JSPromise<JSObject> openCache(String name);

    @JSBody(params = {"cache", "key"}, script = ""
            + "return cache.match(key).then(function (r) { return r ? r.arrayBuffer() : null; });")
    private static native JSPromise<ArrayBuffer> match(JSObject cache, String key);

    // An explicit content type keeps the stored response inert and independent of sniffing. The Java array goes
    // by reference: the Response constructor copies a BufferSource body when called (Fetch: "extract a body").
    @JSBody(params = {"cache", "key", "data"}, script = ""
            + "return cache.put(key, new Response(data, { headers: { 'Content-Type': 'application/octet-stream' } }));")
    private static native JSPromise<JSUndefined> put(JSObject cache, String key, @JSByRef byte[] data);

    @JSBody(params = {"cache", "key"}, script = "return cache.delete(key);")
    private static native JSPromise<JSObject> delete(JSObject cache, String key);

    /** Entry names: the part of each key URL after the prefix, decoded. */
    @JSBody(params = {"cache", "prefix"}, script = ""
            + "return cache.keys().then(function (requests) {"
            + "  var out = [];"
            + "  for (var i = 0; i < requests.length; i++) {"
            + "    var url = requests[i].url, at = url.lastIndexOf('/' + prefix);"
            + "    if (at >= 0) out.push(decodeURIComponent(url.substring(at + 1 + prefix.length)));"
            + "  }"
            + "  return out;"
            + "});")
    private static native JSPromise<JSArray<JSString>> keys(JSObject cache, String prefix);
}
