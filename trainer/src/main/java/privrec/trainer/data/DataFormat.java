package privrec.trainer.data;

import java.util.Locale;

/** Where training data comes from; {@link #cliName()} is the spelling used by {@code --format}. */
public enum DataFormat {
    /** Built-in generator ({@link SyntheticData}); nothing is read from disk. */
    SYNTHETIC("synthetic"),
    /** MovieLens-100k release: {@code u.data}, {@code u.item}, {@code u.user}. */
    ML_100K("ml-100k"),
    /** ml-latest-small / ml-25m / ml-32m layout: {@code ratings.csv}, {@code movies.csv}, optional {@code users.csv}. */
    ML_CSV("ml-csv");

    private final String cliName;

    DataFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a CLI spelling ("ml-100k"); case-insensitive, the enum constant name ("ML_100K") is accepted too. */
    public static DataFormat parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DataFormat format : values()) {
                if (format.cliName.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("unknown data format \"" + text + "\"; expected one of synthetic, ml-100k, ml-csv");
    }

    /** The CLI spelling, so that help texts and error messages show what the user types. */
    @Override
    public String toString() {
        return cliName;
    }
}
