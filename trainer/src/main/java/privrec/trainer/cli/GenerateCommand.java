package privrec.trainer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.trainer.data.Dataset;
import privrec.trainer.data.MovieLensCsvWriter;
import privrec.trainer.data.SyntheticData;

/** {@code generate}: writes the synthetic data set in the MovieLens CSV layout. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes the built-in synthetic data set (deterministic by --seed) as ratings.csv, movies.csv "
                + "and users.csv, readable with --format ml-csv.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--movies", defaultValue = "" + SyntheticData.DEFAULT_MOVIES, paramLabel = "N",
            description = "Movies (default ${DEFAULT-VALUE}).")
    int movies;

    @Option(names = "--users", defaultValue = "" + SyntheticData.DEFAULT_USERS, paramLabel = "N",
            description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--ratings", defaultValue = "" + SyntheticData.DEFAULT_RATINGS, paramLabel = "N",
            description = "Ratings (default ${DEFAULT-VALUE}).")
    int ratings;

    @Option(names = "--force", description = "Replace files already in --out.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Dataset dataset;
        try {
            dataset = SyntheticData.generate(seed, movies, users, ratings);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage());
        }
        MovieLensCsvWriter.write(dataset, out, force);
        spec.commandLine().getOut().printf("wrote %s: %d movies, %d ratings (%s) in %.1f s%s%n", out,
                dataset.movies().size(), dataset.ratingCount(), dataset.description(), (System.nanoTime() - start) / 1e9,
                PeakMemory.suffix());
        return 0;
    }
}
