package privrec.webapp;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every request the server answered, in order: printed one line each, and kept in memory for tests. */
public final class RequestLog {

    private final List<RequestRecord> records = new ArrayList<>();
    private final PrintStream out;

    /** @param out where each line is printed, or null to keep records only */
    public RequestLog(PrintStream out) {
        this.out = out;
    }

    synchronized void add(RequestRecord record) {
        records.add(record);
        if (out != null) {
            out.println(record.logLine());
            out.flush();
        }
    }

    /** A snapshot, oldest first. */
    public synchronized List<RequestRecord> records() {
        return List.copyOf(records);
    }

    public synchronized List<RequestRecord> matching(Predicate<RequestRecord> filter) {
        return records.stream().filter(filter).toList();
    }

    /** Forget everything so far (e.g. between two users' sessions in one test). */
    public synchronized void clear() {
        records.clear();
    }
}
