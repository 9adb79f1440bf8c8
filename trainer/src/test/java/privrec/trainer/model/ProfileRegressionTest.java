package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.trainer.TestData;

class ProfileRegressionTest {
    @Test
    void dimensionNamesSortLikeColumns() {
        assertEquals("item007", ProfileRegression.dimensionName(7, 120));
        assertEquals("item119", ProfileRegression.dimensionName(119, 120));
        assertEquals("item0", ProfileRegression.dimensionName(0, 1));
    }

    @Test
    void extractedWeightsReproduceTribuoPredictionsInColumnOrder() {
        int items = 40;
        List<UserPositives> users = TestData.clusteredUsers(80, items, 6, 11);
        ProfileRegression.Trained trained = ProfileRegression.train(users, items, ProfileRegression.Settings.DEFAULT,
                "test", OffsetDateTime.parse("2001-01-01T00:00:00Z"));
        int[] ids = ProfileRegression.outputIdOfColumn(trained.model(), items);
        for (int j = 0; j < items; j++) {
            assertEquals(j, ids[j], "Tribuo output ids are expected in name order");
        }
        for (Profile profile : List.of(Profile.EMPTY, new Profile(30, "F", "writer"), new Profile(60, "M", null))) {
            float[] onehot = Encoder.encodeProfile(profile);
            double[] values = new double[onehot.length];
            for (int f = 0; f < onehot.length; f++) {
                values[f] = onehot[f];
            }
            Prediction<Regressor> prediction = trained.model().predict(new ArrayExample<>(
                    new Regressor("item00", Double.NaN), Encoder.PROFILE_FEATURES.toArray(new String[0]), values));
            float[] ours = trained.weights().scores(onehot, 0);
            Regressor output = prediction.getOutput();
            String[] names = output.getNames();
            double[] predicted = output.getValues();
            for (int d = 0; d < names.length; d++) {
                int column = Integer.parseInt(names[d].substring(4));
                assertEquals(predicted[d], ours[column], 1e-5, names[d]);
            }
        }
    }
}
