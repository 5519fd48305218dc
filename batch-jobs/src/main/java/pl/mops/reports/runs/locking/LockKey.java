package pl.mops.reports.runs.locking;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The two-integer key of the advisory lock of one job and period, e.g. ("monthlyStatistics", "2025-10"). The
 * snapshot and the version are deliberately not part of it: two launches of the same job and period exclude each
 * other whatever they would compute. The first integer is the program's namespace ("MOPS"), the second a CRC-32 of
 * "job:period" (non-negative, so that it reads the same in {@code pg_locks.objid}).
 */
public record LockKey(String jobName, String period) {

    /** 'M' 'O' 'P' 'S' */
    static final int NAMESPACE = 0x4D4F5053;

    public String description() {
        return jobName + ":" + period;
    }

    int value() {
        CRC32 crc = new CRC32();
        crc.update(description().getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0x7FFF_FFFFL);
    }
}
