package privrec.webapp;

import java.util.LinkedHashMap;
import java.util.Map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebWindow;
import org.htmlunit.corejs.javascript.Context;
import org.htmlunit.corejs.javascript.Function;
import org.htmlunit.corejs.javascript.LambdaFunction;
import org.htmlunit.corejs.javascript.Scriptable;
import org.htmlunit.corejs.javascript.ScriptableObject;
import org.htmlunit.corejs.javascript.SerializableCallable;
import org.htmlunit.corejs.javascript.TopLevel;
import org.htmlunit.javascript.JavaScriptEngine;
import org.htmlunit.javascript.host.Window;

/**
 * HtmlUnit's engine plus the test bridge: after HtmlUnit sets up each window's globals and before any page script
 * runs, evaluates htmlunit-bridge.js there and hands it a hidden object of Java functions (only the bridge's closure
 * keeps it; page code cannot reach it). What is bridged and why: see htmlunit-bridge.js and webapp/README.md.
 */
final class BridgedJavaScriptEngine extends JavaScriptEngine {

    private static final String BRIDGE_SCRIPT = loadBridgeScript();

    private final OrtBridge ort;
    private final Pbkdf2Bridge pbkdf2;

    BridgedJavaScriptEngine(WebClient client, OrtBridge ort, Pbkdf2Bridge pbkdf2) {
        super(client);
        this.ort = ort;
        this.pbkdf2 = pbkdf2;
    }

    @Override
    public void initialize(WebWindow webWindow, Page page) {
        super.initialize(webWindow, page);
        if (!(webWindow.getScriptableObject() instanceof Window window)) {
            return;
        }
        TopLevel scope = ScriptableObject.getTopLevelScope(window.getParentScope());
        getContextFactory().call(cx -> {
            Function install = (Function) cx.evaluateString(scope, BRIDGE_SCRIPT, "privrec/htmlunit-bridge.js", 1, null);
            install.call(cx, scope, window, new Object[] {javaSide(cx, scope)});
            return null;
        });
    }

    private Scriptable javaSide(Context cx, TopLevel scope) {
        Scriptable b = cx.newObject(scope);
        define(b, scope, "ortCreate", (c, s, t, a) -> call(() -> ort.create(JsValues.bytes(a[0], "model"),
                JsValues.string(a[1]), externalData(a))));
        define(b, scope, "ortRun", (c, s, t, a) -> call(() -> ort.run(a)));
        define(b, scope, "ortFill", (c, s, t, a) -> call(() -> {
            ort.fill(JsValues.integer(a[0]), JsValues.integer(a[1]), a[2]);
            return null;
        }));
        define(b, scope, "ortDrop", (c, s, t, a) -> call(() -> {
            ort.drop(JsValues.integer(a[0]));
            return null;
        }));
        define(b, scope, "ortRelease", (c, s, t, a) -> call(() -> {
            ort.release(JsValues.integer(a[0]));
            return null;
        }));
        define(b, scope, "detach", (c, s, t, a) -> {
            JsValues.detach(a[0]);
            return null;
        });
        define(b, scope, "pbkdf2", (c, s, t, a) -> call(() -> {
            pbkdf2.deriveInto(JsValues.bytes(a[0], "password"), JsValues.bytes(a[1], "salt"), JsValues.integer(a[2]),
                    JsValues.string(a[3]), JsValues.integer(a[4]), a[5]);
            return null;
        }));
        return b;
    }

    /** ortCreate's arguments after (model, options): the paths joined by '\n', then one byte array per path. */
    private static Map<String, byte[]> externalData(Object[] a) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String joined = a.length > 2 ? JsValues.string(a[2]) : "";
        String[] paths = joined.isEmpty() ? new String[0] : joined.split("\n");
        if (a.length != 3 + paths.length && !(paths.length == 0 && a.length <= 3)) {
            throw new IllegalArgumentException("ortCreate: " + paths.length + " external data paths but "
                    + (a.length - 3) + " byte arrays");
        }
        for (int i = 0; i < paths.length; i++) {
            files.put(paths[i], JsValues.bytes(a[3 + i], "external data " + paths[i]));
        }
        return files;
    }

    private static void define(Scriptable target, TopLevel scope, String name, SerializableCallable fn) {
        ScriptableObject.putProperty(target, name, new LambdaFunction(scope, name, 0, fn));
    }

    /** Java failures become JS errors carrying the Java message, which the bridge script turns into rejections. */
    private static Object call(JavaCall body) {
        try {
            Object r = body.run();
            return r == null ? JavaScriptEngine.UNDEFINED : r;
        } catch (RuntimeException e) {
            if (e instanceof org.htmlunit.corejs.javascript.RhinoException) {
                throw e;
            }
            throw JavaScriptEngine.reportRuntimeError(String.valueOf(e.getMessage()));
        } catch (Exception e) {
            throw JavaScriptEngine.reportRuntimeError(String.valueOf(e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface JavaCall {
        Object run() throws Exception;
    }

    private static String loadBridgeScript() {
        try (InputStream in = BridgedJavaScriptEngine.class.getResourceAsStream("htmlunit-bridge.js")) {
            if (in == null) {
                throw new IllegalStateException("htmlunit-bridge.js missing from test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
