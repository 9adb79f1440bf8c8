package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import privrec.trainer.TestData;

class BasisRefitTest {
    private static final int ITEMS = 60;
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2001-01-01T00:00:00Z");
    private static List<UserPositives> users;
    private static TrainedModel base;
    private static BasisRefit.Basis basis;
    private static BasisRefit.Settings settings;

    @BeforeAll
    static void train() {
        users = TestData.clusteredUsers(300, ITEMS, 10, 5);
        TrainParams params = TrainParams.defaults(42).withRank(16).withTuned(100, 0.03, 0.2, -0.1);
        base = ModelTrainer.train(users, ITEMS, params, "test", TIME, ModelTrainer.Listener.NONE).quantized();
        CollaborativeFactors f = base.scorer().collab();
        basis = new BasisRefit.Basis(f.u(), f.rowScale(), f.inputScale(), ITEMS, f.rank());
        settings = new BasisRefit.Settings(base.lambda(), base.beta(), base.inputPopularity(), base.outputPopularity(),
                f.inputPower(), params.tailCorrection(), params.profile());
    }

    /** On the data the basis came from, UᵀGU is the eigenvalues: the re-fit gives back the trained s and d. */
    @Test
    void refittingOnTheBasisOwnDataGivesBackTheTrainedModel() {
        TrainedModel refit = BasisRefit.refit(basis, users, ITEMS, settings, "test", TIME);
        CollaborativeFactors a = base.scorer().collab();
        CollaborativeFactors b = refit.scorer().collab();
        assertTrue(Arrays.equals(a.u(), b.u()) && Arrays.equals(a.rowScale(), b.rowScale())
                && Arrays.equals(a.inputScale(), b.inputScale()), "the basis is kept as it is");
        for (int i = 0; i < a.rank(); i++) {
            assertEquals(a.s()[i], b.s()[i], 0.02 * a.s()[i] + 1e-4, "shrinkage " + i);
        }
        for (int j = 0; j < ITEMS; j++) {
            assertEquals(a.d()[j], b.d()[j], 0.05 * a.d()[j], "column scale " + j);
        }
        float[] history = new float[ITEMS];
        history[1] = 1f;
        history[7] = 1f;
        float[] profile = new float[privrec.core.Encoder.profileWidth()];
        assertTrue(correlation(base.scorer().score(history, profile, 1), refit.scorer().score(history, profile, 1))
                > 0.99);
    }

    /** A movie added with exactly the ratings of a basis movie gets (nearly) that movie's basis row. */
    @Test
    void anAddedMovieGetsTheBasisRowItsRatingsImply() {
        int copied = 3;
        List<UserPositives> extended = new ArrayList<>();
        for (UserPositives user : users) {
            int[] columns = user.columns();
            float[] stars = user.stars();
            if (Arrays.stream(columns).anyMatch(c -> c == copied)) {
                columns = Arrays.copyOf(columns, columns.length + 1);
                columns[columns.length - 1] = ITEMS;
                stars = Arrays.copyOf(stars, stars.length + 1);
                stars[stars.length - 1] = user.stars()[indexOf(user.columns(), copied)];
            }
            extended.add(new UserPositives(user.userId(), user.profile(), columns, stars));
        }
        TrainedModel refit = BasisRefit.refit(basis, extended, ITEMS + 1, settings, "test", TIME);
        CollaborativeFactors f = refit.scorer().collab();
        int k = f.rank();
        float[] original = new float[k];
        float[] added = new float[k];
        for (int i = 0; i < k; i++) {
            original[i] = f.u()[copied * k + i] * f.rowScale()[copied];
            added[i] = f.u()[ITEMS * k + i] * f.rowScale()[ITEMS];
        }
        assertTrue(correlation(original, added) > 0.95, "rows correlate " + correlation(original, added));
        assertEquals(ITEMS + 1, refit.scorer().itemCount());
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    private static double correlation(float[] x, float[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
