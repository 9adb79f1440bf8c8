package privrec.trainer.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OrtException;

import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Item;
import privrec.core.Manifest;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.Movie;
import privrec.trainer.export.Verifier;
import privrec.trainer.model.BasisRefit;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;

/**
 * update = read the base release → lay out columns (the base's, then movies new in the data) → re-fit s, d and the
 * profile model on the frozen basis ({@link BasisRefit}) → export → verify with ONNX Runtime → write. The new
 * release lists the base's basis and catalog chunks byte for byte and adds one of each for the new movies, so a
 * browser that holds the base release fetches the graph and the new chunks only (docs/model-updates.md).
 *
 * <p>Movies the base release has but the new data lacks keep their column (the basis rows are what other
 * movies' scores are made of, and a user's rating of one still says something about their taste) and are listed
 * as withdrawn: the browser never offers them again.
 */
public final class Update {
    /** What an update produced. */
    /** @param base the manifest of the release the update was built on */
    public record Result(String modelId, TrainedModel model, Verifier.Result verification, Map<String, byte[]> files,
                         Manifest manifest, int added, List<Integer> withdrawn, Manifest base) {
    }

    private Update() {
    }

    public static Result run(Path baseDir, Dataset data, int verifyRows, double tolerance, Progress progress)
            throws IOException, OrtException {
        return run(baseDir, data, BasisRefit.Contributed.NONE, verifyRows, tolerance, progress);
    }

    /**
     * The update with opted-in users' reports added to the operator's own data ({@code trainer aggregate},
     * docs/contributions.md).
     */
    public static Result run(Path baseDir, Dataset data, BasisRefit.Contributed contributed, int verifyRows,
                             double tolerance, Progress progress) throws IOException, OrtException {
        progress.info("reading the base release in " + baseDir);
        BaseRelease base = BaseRelease.read(baseDir);
        List<Movie> columns = new ArrayList<>();
        Set<Integer> inData = new HashSet<>();
        for (Movie movie : data.movies()) {
            inData.add(movie.id());
        }
        Set<Integer> inBase = new HashSet<>();
        List<Integer> withdrawn = new ArrayList<>(base.manifest().withdrawn());
        for (Item item : base.items()) {
            columns.add(new Movie(item.id(), item.title(), item.year(), item.genreMask()));
            inBase.add(item.id());
            if (!inData.contains(item.id()) && !withdrawn.contains(item.id())) {
                withdrawn.add(item.id());
            }
        }
        withdrawn.removeIf(inData::contains); // a movie back in the data is offered again
        withdrawn.sort(Integer::compare);
        List<Movie> added = new ArrayList<>();
        for (Movie movie : data.movies()) {
            if (!inBase.contains(movie.id())) {
                added.add(movie);
            }
        }
        added.sort((a, b) -> Integer.compare(a.id(), b.id()));
        columns.addAll(added);
        Interactions interactions = Interactions.of(data, columns);
        progress.info(String.format("%d movies kept from the base, %d added, %d withdrawn; %d users with positives",
                base.items().size(), added.size(), withdrawn.size(), interactions.users().size()));

        progress.stage("re-fitting on the frozen basis", 1);
        TrainedModel trained = BasisRefit.refit(base.basis(), interactions.users(), interactions.itemCount(),
                base.settings(), interactions.description(), Training.dataTime(interactions.dataThrough()),
                contributed);
        progress.step();
        progress.done();

        int[] popularity = Interactions.popularity(interactions.users(), interactions.itemCount());
        List<byte[]> catalogs = new ArrayList<>(base.catalogChunks().values());
        int[] chunkSizes = base.chunkSizes();
        if (!added.isEmpty()) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < added.size(); i++) {
                Movie movie = added.get(i);
                items.add(new Item(i, movie.id(), movie.title(), movie.year(), movie.genreMask(),
                        popularity[base.items().size() + i]));
            }
            catalogs.add(CatalogFormat.write(new Catalog(items)).getBytes(StandardCharsets.UTF_8));
            chunkSizes = Arrays.copyOf(chunkSizes, chunkSizes.length + 1);
            chunkSizes[chunkSizes.length - 1] = added.size();
        }
        Map<String, Object> training = trainingRecord(base, interactions, added.size(), withdrawn.size(), contributed.reports());
        Release release = Release.build(trained, chunkSizes, catalogs, training);
        for (Map.Entry<String, byte[]> chunk : base.basisChunks().entrySet()) {
            if (!release.basisChunks().contains(chunk.getKey())) {
                throw new IllegalStateException("the update would change basis chunk " + chunk.getKey()
                        + ": it must be kept byte for byte");
            }
        }
        Training.Options options = new Training.Options(TrainParams.defaults(seed(base)), 0, verifyRows, tolerance);
        Verifier.Result verification = Training.verify(release, trained, profiles(data), options, progress);
        Manifest manifest = Training.manifest(interactions.description(), interactions.dataThrough(), release, null,
                options, trained, training, withdrawn, base.manifest().modelId(), interactions.users());
        return new Result(release.modelId(), trained, verification, release.files(manifest), manifest, added.size(),
                withdrawn, base.manifest());
    }

    private static long seed(BaseRelease base) {
        Object seed = base.params().get("seed");
        return seed instanceof Number number ? number.longValue() : 42L;
    }

    private static List<privrec.core.Profile> profiles(Dataset data) {
        return new ArrayList<>(data.profiles().values());
    }

    private static Map<String, Object> trainingRecord(BaseRelease base, Interactions data, int added, int withdrawn,
                                                      int reports) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("params", base.params());
        training.put("chosen", base.manifest().training().get("chosen"));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("base", base.manifest().modelId());
        update.put("basis", base.manifest().basisId());
        update.put("addedMovies", added);
        update.put("withdrawnMovies", withdrawn);
        update.put("refit", "shrinkage s and column scale d on the frozen basis; profile model re-trained");
        if (reports > 0) {
            update.put("contributedReports", reports);
        }
        training.put("update", update);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("description", data.description());
        dataset.put("movies", data.itemCount());
        dataset.put("usersWithPositives", data.users().size());
        dataset.put("dataThrough", data.dataThrough());
        training.put("data", dataset);
        return training;
    }
}
