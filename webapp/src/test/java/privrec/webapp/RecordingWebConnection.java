package privrec.webapp;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.WebResponseData;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * Sees every request the page makes (page, scripts, XHR, fetch, beacons, forms — not WebSockets, which the server
 * log covers) and records it. Requests for onnxruntime-web's files (/ort/...) still go to the server, so its log
 * stays realistic, but the page gets an empty script: HtmlUnit cannot run WebAssembly, and the bridge's {@code ort}
 * must not be replaced.
 */
public final class RecordingWebConnection extends WebConnectionWrapper {

    /**
     * One request as the page sent it.
     *
     * @param method       HTTP method
     * @param url          absolute URL, query included
     * @param body         request body (empty when none)
     * @param cookieHeader the cookies the browser would attach to this URL ("" when none)
     */
    public record PageRequest(String method, String url, String body, String cookieHeader) {

        /** The URL path, e.g. {@code /models/manifest.json}. */
        public String path() {
            try {
                return new URL(url).getPath();
            } catch (IOException e) {
                return url;
            }
        }
    }

    private final WebClient client;
    private final List<PageRequest> requests = Collections.synchronizedList(new ArrayList<>());

    RecordingWebConnection(WebClient client) {
        super(client);
        this.client = client;
    }

    List<PageRequest> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        requests.add(new PageRequest(request.getHttpMethod().name(), request.getUrl().toExternalForm(), body(request),
                client.getCookies(request.getUrl()).stream()
                        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "))));
        WebResponse real = super.getResponse(request);
        if (!request.getUrl().getPath().startsWith("/ort/") || real.getStatusCode() != 200) {
            return real;
        }
        List<NameValuePair> headers = List.of(new NameValuePair("Content-Type", "text/javascript; charset=utf-8"));
        byte[] stub = "/* onnxruntime-web replaced by the test bridge's ort */\n".getBytes(StandardCharsets.UTF_8);
        return new WebResponse(new WebResponseData(stub, 200, "OK", headers), request, real.getLoadTime());
    }

    private static String body(WebRequest request) {
        if (request.getRequestBody() != null) {
            return request.getRequestBody();
        }
        return request.getRequestParameters().stream().map(p -> p.getName() + "=" + p.getValue())
                .collect(Collectors.joining("&"));
    }
}
