package privrec.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import privrec.trainer.data.DataFormat;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.Datasets;
import privrec.trainer.data.SyntheticData;

/** {@code --data}, {@code --format}, {@code --seed}: where training data comes from. Shared by train and evaluate. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory. Default: the built-in synthetic data set (generated from --seed).")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "ml-100k (u.data, u.item, u.user) or ml-csv (ratings.csv, movies.csv). "
                    + "Default: ml-100k when DIR has u.data, else ml-csv.")
    DataFormat format;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic data, splits and training (default ${DEFAULT-VALUE}).")
    long seed;

    /** Converts the CLI spelling; picocli reports the message as a one-line parameter error. */
    static final class FormatConverter implements ITypeConverter<DataFormat> {
        @Override
        public DataFormat convert(String value) {
            DataFormat format = DataFormat.parse(value);
            if (format == DataFormat.SYNTHETIC) {
                throw new IllegalArgumentException("--format synthetic is the default when --data is absent");
            }
            return format;
        }
    }

    Dataset load(BarProgress progress) throws IOException {
        if (data == null) {
            progress.info("generating synthetic data (seed " + seed + ")");
            return SyntheticData.generate(seed);
        }
        DataFormat chosen = format != null ? format
                : Files.exists(data.resolve("u.data")) ? DataFormat.ML_100K : DataFormat.ML_CSV;
        long total = Datasets.totalBytes(data, chosen);
        progress.bytes("loading " + chosen, total);
        try {
            return Datasets.load(data, chosen, progress::advanceBy);
        } finally {
            progress.done();
        }
    }
}
