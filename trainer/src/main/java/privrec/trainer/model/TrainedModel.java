package privrec.trainer.model;

import org.tribuo.regression.sgd.linear.LinearSGDModel;

/**
 * A trained model and how it was chosen.
 *
 * @param scorer           the in-memory model (what is exported)
 * @param profileModel     the Tribuo model behind the profile part (exported with Tribuo's ONNX writer)
 * @param lambda           the EASE λ used
 * @param beta             the profile weight used
 * @param inputPopularity  the input popularity exponent α used
 * @param outputPopularity the output popularity exponent γ used
 * @param validationNdcg   NDCG@100 of the chosen setting on validation users, or NaN when not tuned
 */
public record TrainedModel(HybridModel scorer, LinearSGDModel profileModel, double lambda, double beta,
                           double inputPopularity, double outputPopularity, double validationNdcg) {

    /** The same model with the stored (int8) weights: what the export writes and what evaluation measures. */
    public TrainedModel quantized() {
        return new TrainedModel(scorer.quantized(), profileModel, lambda, beta, inputPopularity, outputPopularity,
                validationNdcg);
    }

    public TrainedModel withValidationNdcg(double ndcg) {
        return new TrainedModel(scorer, profileModel, lambda, beta, inputPopularity, outputPopularity, ndcg);
    }
}
