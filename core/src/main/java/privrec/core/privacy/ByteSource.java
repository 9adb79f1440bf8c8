package privrec.core.privacy;

/** Read access to a byte buffer: a Java array on the JVM, a typed array view in the browser (no copy). */
public interface ByteSource {
    int length();

    byte get(int index);

    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public int length() {
                return bytes.length;
            }

            @Override
            public byte get(int index) {
                return bytes[index];
            }
        };
    }
}
