package pl.mops.reports.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sum computed beside the writing thread is the SHA-256 of exactly the bytes passed on, whatever the sizes of the
 * writes (single bytes, pieces across the 256 KiB chunks, none at all); the thread always ends.
 */
class Sha256InBackgroundTest {

    private static final int CHUNK = 1 << 18;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, CHUNK - 1, CHUNK, CHUNK + 1, 7 * CHUNK + 12_345})
    void sumsExactlyTheBytesPassedOn(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        Sha256InBackground summed = new Sha256InBackground(target);
        Random pieces = new Random(17);
        int at = 0;
        while (at < size) {
            if (pieces.nextInt(10) == 0) {
                summed.write(data[at++]);
            } else {
                int n = Math.min(size - at, 1 + pieces.nextInt(pieces.nextBoolean() ? 100 : 3 * CHUNK));
                summed.write(data, at, n);
                at += n;
            }
        }

        String sum = summed.finish();

        assertThat(sum).isEqualTo(independentSha256(data));
        assertThat(target.toByteArray()).isEqualTo(data);
        assertThat(summed.summing()).isFalse();
        assertThat(summed.finish()).isEqualTo(sum);
    }

    @Test
    void closeFinishesTheSumAndClosesTheTarget() throws Exception {
        byte[] data = "komorka;rodzaj;pseudonim\r\n".repeat(30_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream target = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Sha256InBackground summed = new Sha256InBackground(target);
        summed.write(data);

        summed.close();

        assertThat(closed[0]).isTrue();
        assertThat(summed.summing()).isFalse();
        assertThat(summed.finish()).isEqualTo(independentSha256(data));
        assertThat(bytes.toByteArray()).isEqualTo(data);
    }

    @Test
    void abandonedAfterAFailureTheThreadEndsAndTheTargetStaysOpen() throws Exception {
        boolean[] closed = {false};
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 3 * CHUNK) {
                    throw new IOException("Brak miejsca na dysku");
                }
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Sha256InBackground summed = new Sha256InBackground(failing);
        byte[] piece = new byte[1000];

        assertThatThrownBy(() -> {
            while (true) {
                summed.write(piece, 0, piece.length);
            }
        }).isInstanceOf(IOException.class).hasMessage("Brak miejsca na dysku");
        summed.abandon();

        assertThat(summed.summing()).isFalse();
        assertThat(closed[0]).isFalse();
        // no sum after abandoning, and no waiting for the ended thread either
        assertThatThrownBy(summed::finish).isInstanceOf(IOException.class)
                .hasMessageContaining("zakończył się przed końcem danych");
        assertThatThrownBy(() -> summed.write(new byte[2 * CHUNK])).isInstanceOf(IOException.class);
    }

    @Test
    void anInterruptedWriterEndsTheThreadAndKeepsItsInterruption() throws Exception {
        Sha256InBackground summed = new Sha256InBackground(OutputStream.nullOutputStream());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> summed.write(new byte[CHUNK])).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(summed.summing()).isFalse();
    }

    private static String independentSha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
