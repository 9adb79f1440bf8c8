package privrec.client.js.net;

import org.teavm.jso.JSBody;

/** The JS clock: today's date and a fine timer, without java.time (which would add weight to the page). */
public final class BrowserClock {
    private BrowserClock() {
    }

    /** Today (UTC) as yyyy-mm-dd. */
    @JSBody(script = "return new Date().toISOString().substring(0, 10);")
    public static native String isoDate();

    /** Milliseconds from {@code performance.now()} (sub-millisecond where the browser allows), else Date.now(). */
    @JSBody(script = "return (typeof performance !== 'undefined' && performance.now) ? performance.now() : Date.now();")
    public static native double nowMillis();

    /** Wall-clock milliseconds since 1970 (rating times, auto-lock), as a double: a Java long is a BigInt in JS. */
    @JSBody(script = "return Date.now();")
    public static native double epochMillis();
}
