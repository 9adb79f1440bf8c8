package privrec.core.privacy;

/**
 * The item basis U as a release stores it: row j is {@code rowScale(j) · code(j, ·)}. Read from the
 * {@code basis-<hash>.bin} chunks in the browser ({@link BasisChunk}) and from the trained model on the JVM.
 */
public interface BasisRows {
    int itemCount();

    int rank();

    /** r_j, the row's scale. */
    float rowScale(int item);

    /** The row's int8 code in column i, −127…127. */
    int code(int item, int i);
}
