package pl.mops.reports.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Passes the bytes written to it on to its target unchanged and computes their SHA-256 in a thread of its own.
 * <p>
 * Why: the one-shot commands run with the first JIT tier only ({@code -XX:TieredStopAtLevel=1}, script
 * {@code mops-reports}), and SHA-256 has its hardware version only in the second tier (C2): without it about
 * 150 MB/s, so the writing thread spent most of the lineage file's streaming on the two SHA-256 sums of the package
 * (issue 17, x10: 257 of 361 samples of the thread while PostgreSQL sent 176 MB; at the country's scale about 7 s
 * per gigabyte). Here the writing thread only copies each chunk once more, and the sum is computed beside it.
 * <p>
 * {@link #finish()} waits for the sum and ends the thread; {@link #close()} does the same and closes the target (a
 * {@link FilterOutputStream}); {@link #abandon()} ends the thread without a sum, after a failure, leaving the target
 * open. A caller that does not close the stream calls {@code finish} or {@code abandon} (in a {@code finally}).
 */
final class Sha256InBackground extends FilterOutputStream {

    private static final int CHUNK = 1 << 18;
    /** chunks handed over and not yet summed (and so the memory: (1 + this) × {@link #CHUNK}) */
    private static final int IN_FLIGHT = 4;

    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final MessageDigest digest = AuditPackageWriter.sha256();
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(IN_FLIGHT + 1); // room for all: no add fails
    private final Thread hasher;
    private byte[] current = new byte[CHUNK];
    private int used;
    private String hex;

    Sha256InBackground(OutputStream target) {
        super(target);
        for (int i = 0; i < IN_FLIGHT; i++) {
            empty.add(new byte[CHUNK]);
        }
        hasher = new Thread(this::sumChunks, "skrot-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    private void sumChunks() {
        try {
            for (Chunk chunk = filled.take(); chunk != END; chunk = filled.take()) {
                digest.update(chunk.bytes(), 0, chunk.length());
                empty.add(chunk.bytes());
            }
        } catch (InterruptedException e) {
            // abandoned: no sum is wanted
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        current[used++] = (byte) b;
        if (used == CHUNK) {
            handOver();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        while (length > 0) {
            int n = Math.min(length, CHUNK - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == CHUNK) {
                handOver();
            }
        }
    }

    private void handOver() throws IOException {
        try {
            put(new Chunk(current, used));
            byte[] next;
            while ((next = empty.poll(1, TimeUnit.SECONDS)) == null) {
                requireSumming();
            }
            current = next;
            used = 0;
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** never waits for a thread that has ended (abandoned, or killed by an error) */
    private void put(Chunk chunk) throws InterruptedException, IOException {
        requireSumming();
        while (!filled.offer(chunk, 1, TimeUnit.SECONDS)) {
            requireSumming();
        }
    }

    private void requireSumming() throws IOException {
        if (!hasher.isAlive()) {
            throw new IOException("Wątek liczący SHA-256 zakończył się przed końcem danych");
        }
    }

    private InterruptedIOException interrupted() {
        abandon();
        Thread.currentThread().interrupt();
        return new InterruptedIOException("Przerwano w trakcie liczenia SHA-256");
    }

    /** @return the SHA-256 of every byte written, in lower-case hex; ends the thread (no writes after it) */
    String finish() throws IOException {
        if (hex != null) {
            return hex;
        }
        try {
            if (used > 0) {
                put(new Chunk(current, used));
                used = 0;
            }
            put(END);
            hasher.join();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        hex = HexFormat.of().formatHex(digest.digest());
        return hex;
    }

    /** ends the thread without a sum (after a failure); the target stays open */
    void abandon() {
        if (hasher.isAlive()) {
            hasher.interrupt();
            boolean interrupted = false;
            while (hasher.isAlive()) {
                try {
                    hasher.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** whether the thread still runs (tests) */
    boolean summing() {
        return hasher.isAlive();
    }

    /** finishes the sum, then closes the target */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            super.close();
        }
    }
}
