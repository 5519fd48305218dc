package pl.mops.reports.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap use of a phase: the JVM's per-pool peaks, reset at the start of the phase. */
final class HeapPeak {

    private HeapPeak() {
    }

    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** sum of the heap pools' peaks since the last reset, in MiB (an upper bound of the live peak) */
    static long peakMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
