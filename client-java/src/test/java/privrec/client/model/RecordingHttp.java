package privrec.client.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A static file server in memory that records every request ("GET url"); can be switched offline, and can cut
 * chosen downloads short half-way (the connection drops after part of the body arrived).
 */
final class RecordingHttp implements Http {
    final Map<String, byte[]> files = new HashMap<>();
    final List<String> requests = new ArrayList<>();
    /** URLs whose body stops half-way with a network error. */
    final Set<String> interrupted = new HashSet<>();
    boolean offline;

    void serve(String url, byte[] body) {
        files.put(url, body);
    }

    @Override
    public byte[] getBytes(String url, Progress progress) throws HttpException {
        byte[] body = answer(url);
        if (interrupted.contains(url)) {
            if (progress != null) {
                progress.received(body.length / 2);
            }
            throw new HttpException(0, "GET " + url + " failed: network error (connection reset)");
        }
        if (progress != null) {
            progress.received(body.length);
        }
        return body.clone();
    }

    @Override
    public String getText(String url) throws HttpException {
        return new String(answer(url), StandardCharsets.UTF_8);
    }

    private byte[] answer(String url) throws HttpException {
        requests.add("GET " + url);
        if (offline) {
            throw new HttpException(0, "GET " + url + " failed: network error");
        }
        byte[] body = files.get(url);
        if (body == null) {
            throw new HttpException(404, "GET " + url + " answered HTTP 404");
        }
        return body;
    }

    /** Requests other than the manifest's: the part downloads. */
    List<String> downloads() {
        List<String> out = new ArrayList<>();
        for (String request : requests) {
            if (!request.endsWith("/" + CachingModelLoader.MANIFEST_FILE)) {
                out.add(request);
            }
        }
        return out;
    }
}
