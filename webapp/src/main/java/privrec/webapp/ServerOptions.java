package privrec.webapp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line options. Parsed by hand: a few flags do not justify a dependency in a jar that otherwise has none.
 *
 * @param port                TCP port on 127.0.0.1; 0 picks a free one
 * @param siteDir             serve this directory instead of the site embedded in the jar (null = embedded)
 * @param help                print usage and exit
 * @param contributions       JDBC URL of the contribution store ({@code --contributions}); null = the embedded H2
 *                            file database {@code <data-dir>/contributions}
 * @param dataDir             {@code --data-dir}, where the default store lives; null = {@value #DEFAULT_DATA_DIR}
 *                            under the working directory (git-ignored)
 * @param noContributions     {@code --no-contributions}: take no reports (503), open no database
 * @param clientAddressHeader {@code --client-address-header NAME}: behind a reverse proxy, the header holding the
 *                            client's address, used only for rate limiting (see {@link ContributionSettings})
 */
record ServerOptions(int port, Path siteDir, boolean help, String contributions, Path dataDir,
                     boolean noContributions, String clientAddressHeader) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_DATA_DIR = "privrec-data";
    static final String USAGE = "usage: java -jar webapp.jar [--port N] [--site DIR] [--contributions JDBC_URL | "
            + "--data-dir DIR | --no-contributions] [--client-address-header NAME]   (serves on 127.0.0.1 only)\n"
            + "  --contributions JDBC_URL  store of POST /contributions: jdbc:h2:file:/path/name or\n"
            + "                            jdbc:postgresql://host:port/db?user=U&password=P\n"
            + "                            (default: jdbc:h2:file:<data-dir>/contributions; opened only when the\n"
            + "                            served release accepts contributions)\n"
            + "  --data-dir DIR            where the default store lives (default ./" + DEFAULT_DATA_DIR + ")\n"
            + "  --no-contributions        refuse every report (503) and open no database\n"
            + "  --client-address-header NAME  behind a proxy: the header with the client address (X-Real-IP),\n"
            + "                            used only as the rate limiter's input, never logged or stored";

    static ServerOptions parse(String[] args) {
        int port = DEFAULT_PORT;
        Path site = null;
        boolean help = false;
        String contributions = null;
        Path dataDir = null;
        boolean none = false;
        String addressHeader = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            boolean inline = a.contains("=");
            switch (name) {
                case "-h", "--help" -> help = true;
                case "-p", "--port" -> port = parsePort(inline ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name));
                case "--site" -> {
                    site = Path.of(inline ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name));
                    if (!Files.isRegularFile(site.resolve("index.html"))) {
                        throw new IllegalArgumentException("--site " + site + ": no index.html there");
                    }
                }
                case "--contributions" -> {
                    contributions = inline ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name);
                    if (!contributions.startsWith("jdbc:h2:") && !contributions.startsWith("jdbc:postgresql:")) {
                        throw new IllegalArgumentException("--contributions \"" + contributions
                                + "\" is not a JDBC URL of H2 or PostgreSQL (jdbc:h2:file:/path/name, "
                                + "jdbc:postgresql://host:port/db)");
                    }
                }
                case "--data-dir" -> dataDir = Path.of(inline ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name));
                case "--no-contributions" -> none = true;
                case "--client-address-header" -> {
                    addressHeader = inline ? a.substring(a.indexOf('=') + 1) : value(args, ++i, name);
                    if (!addressHeader.matches("[A-Za-z0-9-]+")) {
                        throw new IllegalArgumentException("--client-address-header \"" + addressHeader
                                + "\" is not a header name");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (none && (contributions != null || dataDir != null)) {
            throw new IllegalArgumentException("--no-contributions cannot be combined with --contributions or --data-dir");
        }
        if (contributions != null && dataDir != null) {
            throw new IllegalArgumentException("--data-dir only places the default store; --contributions names another");
        }
        return new ServerOptions(port, site, help, contributions, dataDir, none, addressHeader);
    }

    /** The store's JDBC URL: {@code --contributions}, or the H2 file under the data directory (made absolute). */
    String contributionsUrl(Path workingDir) {
        if (contributions != null) {
            return contributions;
        }
        Path dir = (dataDir == null ? workingDir.resolve(DEFAULT_DATA_DIR) : workingDir.resolve(dataDir))
                .toAbsolutePath().normalize();
        return "jdbc:h2:file:" + dir.resolve("contributions");
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
