package pl.mops.reports.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    @Test
    void theWorkRunsInAThreadOfItsOwnAndItsResultIsAwaited() throws IOException {
        BackgroundTask<String> task = BackgroundTask.start("proba", () -> Thread.currentThread().getName());
        assertThat(task.await()).isEqualTo("proba");
        assertThat(BackgroundTask.here(() -> Thread.currentThread().getName()).await())
                .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aFailureIsThrownAsItWasThrown() {
        IOException full = new IOException("No space left on device");
        assertThatThrownBy(() -> BackgroundTask.start("proba", () -> {
            throw full;
        }).await()).isSameAs(full);
        IllegalStateException broken = new IllegalStateException("zepsute");
        assertThatThrownBy(() -> BackgroundTask.start("proba", () -> {
            throw broken;
        }).await()).isSameAs(broken);
    }

    @Test
    void anInterruptedWaiterStillWaitsForTheEndAndKeepsTheInterruption() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        BackgroundTask<Void> task = BackgroundTask.start("proba", () -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            ended.set(true);
            return null;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.currentThread().interrupt();
        try {
            task.awaitQuietly();
            assertThat(ended).as("waited for the end").isTrue();
            assertThat(Thread.currentThread().isInterrupted()).as("the interruption passed on").isTrue();
        } finally {
            Thread.interrupted(); // clear it for the next test
        }
    }
}
