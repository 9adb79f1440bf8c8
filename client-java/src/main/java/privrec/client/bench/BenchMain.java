package privrec.client.bench;

import privrec.client.Main;
import privrec.client.app.App;

/**
 * Entry point of the benchmark build only ({@code mvn -Pbench}, used by {@code scripts/bench.sh}): the normal app
 * plus {@code window.privrecBench}. The production bundle is compiled from {@link Main}, which never references
 * this package, so TeaVM leaves the hooks out of it.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        App app = Main.start();
        if (app != null) {
            BenchHook.install(app);
        }
    }
}
