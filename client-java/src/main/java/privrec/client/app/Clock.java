package privrec.client.app;

/** Milliseconds for auto-lock and rating times; a double, because Java long is a BigInt in TeaVM's JS. */
@FunctionalInterface
public interface Clock {
    double nowMillis();
}
