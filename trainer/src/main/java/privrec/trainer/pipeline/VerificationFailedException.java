package privrec.trainer.pipeline;

/** The exported ONNX model does not reproduce the in-memory scores; nothing was written. */
public final class VerificationFailedException extends RuntimeException {
    public VerificationFailedException(String message) {
        super(message);
    }
}
