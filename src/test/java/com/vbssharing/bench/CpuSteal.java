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
    private record Sample(long steal, long total) {
    }

    private final Optional<Sample> start;

    private CpuSteal(Optional<Sample> start) {
        this.start = start;
    }

    /** Starts counting now. */
    static CpuSteal start() {
        return new CpuSteal(sample());
    }

    /** The stolen share of all CPU time since {@link #start()}, in percent; empty where the system does not count it. */
    OptionalDouble percent() {
        Optional<Sample> now = sample();
        if (start.isEmpty() || now.isEmpty() || now.get().total() <= start.get().total()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (now.get().steal() - start.get().steal())
                / (now.get().total() - start.get().total()));
    }

    /** Empty without {@code /proc/stat}, or with a kernel that does not count steal. */
    private static Optional<Sample> sample() {
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
}
