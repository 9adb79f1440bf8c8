package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * axe-core (pinned in webapp/package.json devDependencies; injected into the page by the test through the DevTools
 * protocol, never part of the site) on every view — locked: profiles, privacy, model; unlocked: getting started,
 * home, browse, a movie, my ratings, privacy, model, settings — in light and dark (prefers-color-scheme emulated)
 * at 1280 px and 390 px: no violations. Prints the count for each view and combination.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityChromiumTest {
    static final String NAME = "erin";
    static final String PASSWORD = "chromium erin password";
    static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    ServerHandle server;
    ChromiumBrowser chrome;
    ChromiumApp app;
    String axeSource;
    final List<String> problems = new ArrayList<>();
    int checks;

    @BeforeAll
    void start() {
        ChromiumBrowser.requireChromium();
        try {
            axeSource = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core missing: the webapp build runs npm ci (" + AXE + ")", e);
        }
        server = ServerHandle.start();
        chrome = ChromiumBrowser.start();
        app = new ChromiumApp(chrome);
    }

    @AfterAll
    void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyViewHasNoAxeViolationsInLightAndDarkAt1280And390() {
        app.open(server.url());
        boolean created = false;
        for (String scheme : List.of("light", "dark")) {
            for (int width : List.of(1280, 390)) {
                emulate(scheme, width);
                String combo = scheme + " " + width + "px";
                if (app.isUnlockedView()) {
                    app.click("nav-lock");
                }
                app.waitForView("unlock");
                check(combo, "unlock");
                app.click("nav-privacy");
                check(combo, "privacy (locked)");
                app.click("nav-model");
                check(combo, "model (locked)");
                if (!created) {
                    app.createProfile(NAME, PASSWORD);
                    app.waitForView("onboarding");
                    check(combo, "onboarding");
                    int first = app.ids("onboarding-card").get(0);
                    app.rate("onboarding-card", first, 4);
                    app.click("onboarding-done");
                    created = true;
                } else {
                    app.unlock(NAME, PASSWORD);
                }
                app.waitForView("home");
                check(combo, "home");
                int movie = app.ids("rec-card").get(0);
                app.clickSelector("[data-testid=rec-card][data-movie-id=\"" + movie + "\"] [data-testid=dismiss]");
                check(combo, "home with the Undo bar");
                app.click("nav-browse");
                check(combo, "browse");
                app.clickSelector("[data-testid=browse-card] a[data-testid=title]");
                app.waitForView("movie");
                check(combo, "movie");
                app.click("nav-ratings");
                check(combo, "ratings");
                app.click("restore-dismissed");
                app.click("nav-privacy");
                check(combo, "privacy");
                app.click("nav-model");
                check(combo, "model");
                app.click("nav-settings");
                check(combo, "settings");
            }
        }
        // The harness can fail: an unnamed button added to the page is reported.
        chrome.execute("document.body.appendChild(document.createElement('button'));");
        List<String> control = violations();
        assertTrue(control.stream().anyMatch(v -> v.startsWith("button-name")), "axe reports a broken page: " + control);
        System.out.println("axe-core: " + checks + " view checks (12 in the first combination, 11 after), "
                + problems.size() + " with violations");
        assertEquals(List.of(), problems);
        assertEquals(45, checks, "every view in four combinations");
    }

    private void emulate(String scheme, int width) {
        chrome.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        chrome.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
    }

    /** Runs axe on the page as it is and records the violations. */
    private void check(String combo, String view) {
        List<String> violations = violations();
        checks++;
        System.out.printf("axe %-12s %-24s %d violations%s%n", combo, view, violations.size(),
                violations.isEmpty() ? "" : " " + violations);
        if (!violations.isEmpty()) {
            problems.add(combo + " " + view + ": " + violations);
        }
    }

    /** axe's violations on the page as it is: "rule-id (impact, n nodes): selectors". */
    private List<String> violations() {
        // Injected through DevTools in the page's global scope (CSP governs the page's own scripts, not this).
        chrome.driver().executeCdpCommand("Runtime.evaluate", Map.of("expression",
                "if (typeof axe === 'undefined') {" + axeSource + "\n}"));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) chrome.executeAsync("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return v.id + ' (' + v.impact + ', ' + v.nodes.length"
                + "    + ' nodes): ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
        return violations;
    }
}
