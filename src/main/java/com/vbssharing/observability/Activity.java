package com.vbssharing.observability;

/**
 * Where a service counts what it did for the request or batch being served (shares created, revoked, ...):
 * {@link Observations} in the application, anything recording in a test.
 */
@FunctionalInterface
public interface Activity {

    /** For code that serves nothing observed. */
    Activity NONE = (counter, amount) -> { };

    void count(Counter counter, long amount);
}
