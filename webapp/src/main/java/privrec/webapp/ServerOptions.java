package privrec.webapp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line options. Parsed by hand: three flags do not justify a dependency in a jar that otherwise has none.
 *
 * @param port    TCP port on 127.0.0.1; 0 picks a free one
 * @param siteDir serve this directory instead of the site embedded in the jar (null = embedded)
 * @param help    print usage and exit
 */
record ServerOptions(int port, Path siteDir, boolean help) {

    static final int DEFAULT_PORT = 8080;
    static final String USAGE = "usage: java -jar webapp.jar [--port N] [--site DIR]   (serves on 127.0.0.1 only)";

    static ServerOptions parse(String[] args) {
        int port = DEFAULT_PORT;
        Path site = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "-h", "--help" -> help = true;
                case "-p", "--port" -> {
                    String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name);
                    port = parsePort(v);
                }
                case "--site" -> {
                    site = Path.of(a.contains("=") ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name));
                    if (!Files.isRegularFile(site.resolve("index.html"))) {
                        throw new IllegalArgumentException("--site " + site + ": no index.html there");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new ServerOptions(port, site, help);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port \"" + v + "\" is not a port number (0-65535)");
        }
    }
}
