package privrec.webapp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Test fixture: real headless Chromium (Debian's /usr/bin/chromium + /usr/bin/chromedriver) through Selenium, with a
 * fresh profile per instance and a recorder of CSP violations installed before any page script runs.
 *
 * <p>When Chromium is missing, tests calling {@link #start()} are skipped locally with a message, but FAIL when
 * {@code CI=true}: a CI run must never pass by not running its browser tests. scripts/install-test-deps.sh installs it.
 *
 * <pre>{@code
 * try (ServerHandle server = ServerHandle.start(); ChromiumBrowser chrome = ChromiumBrowser.start()) {
 *     chrome.open(server.url());
 *     Object v = chrome.executeAsync("var done = arguments[arguments.length - 1]; done(1 + 1);");
 *     assertEquals(List.of(), chrome.cspViolations());
 * }
 * }</pre>
 */
public final class ChromiumBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Collects securitypolicyviolation events into window.__cspViolations, from the first moment of every page. */
    private static final String CSP_RECORDER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__cspViolations.push({directive: e.violatedDirective || e.effectiveDirective,"
            + "    blockedURI: e.blockedURI, sourceFile: e.sourceFile || '', sample: e.sample || ''});"
            + "}, true);";

    private final ChromeDriver driver;
    private final Path profile;

    private ChromiumBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** True when both Debian binaries are present. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips (locally) or fails (CI=true) the calling test when Chromium is not installed. */
    public static void requireChromium() {
        if (available()) {
            return;
        }
        String msg = "headless Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "); run scripts/install-test-deps.sh";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + msg);
        }
        Assumptions.abort(msg);
    }

    /** A fresh headless Chromium with its own temporary profile (no cache, storage or cookies from earlier runs). */
    public static ChromiumBrowser start() {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("privrec-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Flags from the platform notes: headless as root in a container, and no background traffic of its own.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
        return new ChromiumBrowser(driver, profile);
    }

    /** Navigates and waits until the document has loaded. */
    public void open(String url) {
        driver.get(url);
        waitUntil(Duration.ofSeconds(30), "document.readyState === 'complete'");
    }

    /** Polls a JS boolean expression until true. */
    public void waitUntil(Duration timeout, String jsCondition) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(driver.executeScript("return !!(" + jsCondition + ");")));
    }

    /** Selenium's executeAsyncScript: the script gets its callback as the last of {@code arguments}. */
    public Object executeAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    public Object execute(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** CSP violations the current page reported so far: maps with directive, blockedURI, sourceFile, sample. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> cspViolations() {
        Object v = driver.executeScript("return window.__cspViolations || [];");
        return (List<Map<String, Object>>) v;
    }

    /** Console messages since the last call ("SEVERE …", "INFO …"): handy in failure messages. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** Saves a PNG of the viewport (e.g. to target/screenshots/home.png) and returns its path. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
