package com.vbssharing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CPU time the hypervisor gave to other guests while this machine wanted it ("steal", the eighth number of the
 * {@code cpu} line of {@code /proc/stat}). On a shared machine it is what makes one run's wall and CPU times 20-70 %
 * above another's with the same code, so the report states it beside each section's figures.
 */
final class CpuSteal {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Counters of all CPUs since boot, in clock ticks: stolen, and the total of the first eight fields. */
    record Sample(long steal, long total) {
    }

    private CpuSteal() {
    }

    /** Empty where the system does not count steal (no {@code /proc/stat}, or a kernel without the field). */
    static Optional<Sample> take() {
        try {
            for (String line : Files.readAllLines(PROC_STAT)) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 9) {
                        return Optional.empty();
                    }
                    long total = 0;
                    for (int i = 1; i <= 8; i++) {
                        total += Long.parseLong(f[i]);
                    }
                    return Optional.of(new Sample(Long.parseLong(f[8]), total));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Stolen share of all CPU time between two samples, in percent. */
    static OptionalDouble percent(Optional<Sample> from, Optional<Sample> to) {
        if (from.isEmpty() || to.isEmpty() || to.get().total() <= from.get().total()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (to.get().steal() - from.get().steal())
                / (to.get().total() - from.get().total()));
    }
}
