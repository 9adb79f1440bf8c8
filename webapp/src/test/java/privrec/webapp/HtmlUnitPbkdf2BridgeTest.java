package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PBKDF2 in HtmlUnit's crypto.subtle, backed by the JDK, checked against RFC 7914 §11's PBKDF2-HMAC-SHA256 vectors. */
class HtmlUnitPbkdf2BridgeTest {

    private static final Duration T = Duration.ofSeconds(30);
    /** RFC 7914 §11: P="passwd", S="salt", c=1, dkLen=64. */
    private static final String RFC7914_1 = "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783";
    /** RFC 7914 §11: P="Password", S="NaCl", c=80000, dkLen=64. */
    private static final String RFC7914_2 = "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
            + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d";

    private static ServerHandle server;
    private static HtmlUnitBrowser browser;
    private static HtmlPage page;

    @BeforeAll
    static void start() {
        server = ServerHandle.startWith(TestPages.blankPageAndTinyModel());
        browser = HtmlUnitBrowser.start();
        page = browser.open(server.url(TestPages.BLANK));
        browser.eval(page, "window.hex = function (buf) { var u = new Uint8Array(buf), s = '';"
                + " for (var i = 0; i < u.length; i++) s += (u[i] < 16 ? '0' : '') + u[i].toString(16); return s; };"
                + "window.utf8 = function (s) { return new TextEncoder().encode(s); };");
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void javaSideMatchesRfc7914() {
        assertArrayEquals(HexFormat.of().parseHex(RFC7914_1), Pbkdf2Bridge.derive(bytes("passwd"), bytes("salt"), 1, "SHA-256", 512));
        assertArrayEquals(HexFormat.of().parseHex(RFC7914_2), Pbkdf2Bridge.derive(bytes("Password"), bytes("NaCl"), 80_000, "SHA-256", 512));
    }

    @Test
    void deriveBitsInThePageMatchesRfc7914() {
        assertEquals(RFC7914_1, deriveBitsHex("passwd", "salt", 1, 512));
        assertEquals(RFC7914_2, deriveBitsHex("Password", "NaCl", 80_000, 512));
        Pbkdf2Bridge.Derivation last = browser.pbkdf2().derivations().get(browser.pbkdf2().derivations().size() - 1);
        assertEquals(new Pbkdf2Bridge.Derivation("SHA-256", 80_000, 4, 512), last, "parameters are recorded for tests");
    }

    @Test
    void deriveKeyGivesAWorkingNonExtractableAesGcmKey() {
        Object r = browser.evalAsync(page, ""
                + "var subtle = crypto.subtle, salt = utf8('0123456789abcdef'), iv = new Uint8Array(12);"
                + "function key(pw) { return subtle.importKey('raw', utf8(pw), 'PBKDF2', false, ['deriveKey', 'deriveBits'])"
                + "  .then(function (base) { return subtle.deriveKey({name: 'PBKDF2', salt: salt, iterations: 1000, hash: 'SHA-256'},"
                + "    base, {name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']); }); }"
                + "var result = {};"
                + "key('right').then(function (k) {"
                + "  result.type = k.type; result.extractable = k.extractable; result.alg = k.algorithm.name;"
                + "  return subtle.encrypt({name: 'AES-GCM', iv: iv}, k, utf8('secret ratings'));"
                + "}).then(function (ct) {"
                + "  result.ciphertextBytes = ct.byteLength;"
                + "  return key('right').then(function (k) { return subtle.decrypt({name: 'AES-GCM', iv: iv}, k, ct); })"
                + "    .then(function (pt) { result.roundTrip = new TextDecoder().decode(pt); })"
                + "    .then(function () { return key('wrong'); })"
                + "    .then(function (k) { return subtle.decrypt({name: 'AES-GCM', iv: iv}, k, ct); })"
                + "    .then(function () { result.wrong = 'decrypted!'; }, function (e) { result.wrong = e.name; });"
                + "}).then(function () { done(result); }, function (e) { done({__error: String(e)}); });", T);
        Map<?, ?> m = (Map<?, ?>) r;
        assertEquals("secret", m.get("type"));
        assertEquals(false, m.get("extractable"));
        assertEquals("AES-GCM", m.get("alg"));
        assertEquals(14.0 + 16.0, m.get("ciphertextBytes"), "plaintext + 16-byte tag");
        assertEquals("secret ratings", m.get("roundTrip"));
        assertEquals("OperationError", m.get("wrong"), "a wrong password's key cannot decrypt");
    }

    @Test
    void derivedKeyEqualsDerivedBitsAndEverythingElsePassesThrough() {
        Object r = browser.evalAsync(page, ""
                + "var subtle = crypto.subtle, alg = {name: 'PBKDF2', salt: utf8('salt'), iterations: 1, hash: {name: 'SHA-256'}};"
                + "var iv = new Uint8Array(12), pt = utf8('x'), out = {};"
                + "subtle.importKey('raw', utf8('passwd'), {name: 'PBKDF2'}, false, ['deriveKey', 'deriveBits']).then(function (base) {"
                + "  return Promise.all([subtle.deriveKey(alg, base, {name: 'AES-GCM', length: 256}, false, ['encrypt']),"
                + "    subtle.deriveBits(alg, base, 256).then(function (bits) {"
                + "      return subtle.importKey('raw', bits, 'AES-GCM', false, ['decrypt']); })]);"
                + "}).then(function (keys) {"
                + "  return subtle.encrypt({name: 'AES-GCM', iv: iv}, keys[0], pt).then(function (ct) {"
                + "    return subtle.decrypt({name: 'AES-GCM', iv: iv}, keys[1], ct); });"
                + "}).then(function (back) { out.same = new TextDecoder().decode(back) === 'x';"
                + "  return subtle.digest('SHA-256', utf8('abc')); }).then(function (d) { out.digest = hex(d);"
                + "  return subtle.importKey('raw', utf8('passwd'), 'PBKDF2', true, ['deriveBits']); })"
                + ".then(function () { out.extractable = 'accepted'; }, function (e) { out.extractable = e.name; })"
                + ".then(function () { done(out); }, function (e) { done({__error: String(e)}); });", T);
        Map<?, ?> m = (Map<?, ?>) r;
        assertEquals(true, m.get("same"), "deriveKey and deriveBits give the same key material");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", m.get("digest"), "digest untouched");
        assertEquals("SyntaxError", m.get("extractable"), "PBKDF2 keys must not be extractable (WebCrypto rule)");
        assertTrue(List.of("SHA-256").contains(browser.pbkdf2().derivations().get(0).hash()));
    }

    private static String deriveBitsHex(String password, String salt, int iterations, int bits) {
        return (String) browser.evalAsync(page, "crypto.subtle.importKey('raw', utf8('" + password + "'), 'PBKDF2', false, ['deriveBits'])"
                + ".then(function (k) { return crypto.subtle.deriveBits({name: 'PBKDF2', salt: utf8('" + salt + "'),"
                + " iterations: " + iterations + ", hash: 'SHA-256'}, k, " + bits + "); })"
                + ".then(function (b) { done(hex(b)); }, function (e) { done({__error: String(e)}); });", T);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
