package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

class BackgroundLaunchesTest {

    private final BackgroundLaunches launches = new BackgroundLaunches(
            Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() throws InterruptedException {
        launches.destroy();
    }

    private static RunProgress started(long execution) {
        return new RunProgress(execution, "monthlyStatistics", "month=2026-11", "jan", null,
                RunProgress.Phase.JOB_STARTED, BatchStatus.STARTED, Duration.ZERO, LocalDateTime.now(), "");
    }

    private BackgroundLaunches.Launch awaitEnd(String ticket) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            BackgroundLaunches.Launch l = launches.get(ticket).orElseThrow();
            if (l.state() == BackgroundLaunches.State.DONE || l.state() == BackgroundLaunches.State.FAILED) {
                return l;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the launch did not end");
    }

    @Test
    void aTicketLearnsTheExecutionsItsWorkStartsAndItsResult() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        String ticket = launches.submit("statystyka miesięczna za 2026-11", "jan", () -> {
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            launches.accept(started(41)); // what RunListener reports on the job's (this) thread
            return "wynik";
        });
        assertThat(launches.get(ticket).orElseThrow().description()).isEqualTo("statystyka miesięczna za 2026-11");
        launches.accept(started(99)); // another thread's job: not this ticket's
        go.countDown();
        BackgroundLaunches.Launch done = awaitEnd(ticket);
        assertThat(done.state()).isEqualTo(BackgroundLaunches.State.DONE);
        assertThat(done.executionIds()).containsExactly(41L);
        assertThat(done.result()).isEqualTo("wynik");
    }

    @Test
    void aRefusalBecomesTheTicketsPolishMessage() throws Exception {
        String ticket = launches.submit("sprawozdanie MRPiPS-03 za 2026-R", "jan", () -> {
            throw new UserError("Rok 2026 jeszcze się nie skończył.", ExitCode.INVALID_INPUT, null);
        });
        BackgroundLaunches.Launch failed = awaitEnd(ticket);
        assertThat(failed.state()).isEqualTo(BackgroundLaunches.State.FAILED);
        assertThat(failed.message()).isEqualTo("Rok 2026 jeszcze się nie skończył.");
        assertThat(failed.executionIds()).isEmpty();
    }

    @Test
    void aWaitingOrRunningLaunchIsFoundByWhatItRunsUntilItEnds() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        String ticket = launches.submit("monthlyStatistics:2026-11", "statystyka miesięczna za 2026-11", "jan", () -> {
            try {
                go.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "wynik";
        });
        assertThat(launches.active("monthlyStatistics:2026-11")).map(BackgroundLaunches.Launch::ticket).contains(ticket);
        assertThat(launches.active("monthlyStatistics:2026-10")).isEmpty();
        go.countDown();
        awaitEnd(ticket);
        assertThat(launches.active("monthlyStatistics:2026-11")).isEmpty();
    }
}
