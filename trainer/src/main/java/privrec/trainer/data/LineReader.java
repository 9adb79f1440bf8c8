package privrec.trainer.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Reads a file line by line as raw bytes, so that numeric columns can be parsed without creating a String per line
 * (ml-32m has 32 million ratings). After {@link #next()} the current line is {@code buf[start, end)}, without its
 * {@code \n} or {@code \r\n}. Text columns are decoded on demand with {@link #text}.
 *
 * <p>Blank lines at the end of a file are ignored (editors add them); a blank line followed by data is an error,
 * because it usually means two files were pasted together.
 */
final class LineReader implements Closeable {
    private static final int CHUNK = 1 << 16;

    final String fileName;
    byte[] buf = new byte[CHUNK * 4];
    int start;
    int end;
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private long pendingBlankLine;
    private final InputStream in;
    private final LongConsumer bytesRead;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    LineReader(InputStream in, String fileName, LongConsumer bytesRead) {
        this.in = in;
        this.fileName = fileName;
        this.bytesRead = bytesRead;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** Advances to the next non-blank line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            if (!advance()) {
                return false;
            }
            if (lineNumber == 1) {
                skipByteOrderMark();
            }
            if (end > start) {
                if (pendingBlankLine > 0) {
                    throw new DataFormatException(fileName, pendingBlankLine, "blank line in the middle of the file");
                }
                return true;
            }
            if (pendingBlankLine == 0) {
                pendingBlankLine = lineNumber;
            }
        }
    }

    private boolean advance() throws IOException {
        int scan = pos;
        while (true) {
            byte[] b = buf;
            int lim = limit;
            while (scan < lim && b[scan] != '\n') {
                scan++;
            }
            if (scan < lim) {
                setLine(pos, scan);
                pos = scan + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                setLine(pos, limit);
                pos = limit;
                return true;
            }
            scan -= pos; // fill() moves the unread bytes to the front
            fill();
        }
    }

    private void setLine(int from, int to) {
        start = from;
        end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        lineNumber++;
    }

    /** Moves the unread bytes to the front (growing the buffer for very long lines) and reads one more chunk. */
    private void fill() throws IOException {
        int unread = limit - pos;
        if (unread + CHUNK > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, unread + CHUNK)];
            System.arraycopy(buf, pos, bigger, 0, unread);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, unread);
        }
        pos = 0;
        limit = unread;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return;
        }
        limit += n;
        if (bytesRead != null) {
            bytesRead.accept(n);
        }
    }

    /** Excel and Notepad put a UTF-8 byte order mark in front of CSV files; it is not part of the header. */
    private void skipByteOrderMark() {
        if (end - start >= 3 && (buf[start] & 0xFF) == 0xEF && (buf[start + 1] & 0xFF) == 0xBB
                && (buf[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
    }

    /** The current line as strict UTF-8; invalid bytes are a {@link DataFormatException} for this line. */
    String utf8() {
        return utf8(start, end);
    }

    String utf8(int from, int to) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (MalformedInputException e) {
            throw encodingError(from, e);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(fileName, lineNumber, "is not valid UTF-8", e);
        }
    }

    /** The current line decoded with a charset that cannot fail (ISO-8859-1). */
    String text(Charset charset) {
        return new String(buf, start, end - start, charset);
    }

    /** Whether the current line is valid UTF-8 (used to tell a UTF-8 re-encoding of a Latin-1 file). */
    boolean isValidUtf8() {
        try {
            utf8.reset().decode(ByteBuffer.wrap(buf, start, end - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private DataFormatException encodingError(int from, MalformedInputException e) {
        // Decode again step-wise: on failure the input buffer's position is the first offending byte.
        ByteBuffer input = ByteBuffer.wrap(buf, from, end - from);
        CoderResult result = utf8.reset().decode(input, CharBuffer.allocate(end - from + 1), true);
        int bad = result.isError() ? input.position() : from;
        String hint = lineNumber == 1 && end - from >= 2 && ((buf[from] & 0xFF) == 0xFF || (buf[from] & 0xFF) == 0xFE)
                ? " (the file looks like UTF-16; save it as UTF-8)" : "";
        return new DataFormatException(fileName, lineNumber, "is not valid UTF-8: byte 0x"
                + Integer.toHexString(0x100 | (buf[bad] & 0xFF)).substring(1).toUpperCase(java.util.Locale.ROOT)
                + " at column " + (bad - from + 1) + hint, e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
