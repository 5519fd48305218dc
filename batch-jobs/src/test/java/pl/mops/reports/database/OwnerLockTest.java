package pl.mops.reports.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's lock file: its {@code key=value} content written and read back, tolerance of content being written or
 * left by a dead owner, and the lock within one JVM (a second claim is answered, never a second file lock).
 * Two processes at once: {@code runs/EmbeddedDatabaseOwnerTest}.
 */
class OwnerLockTest {

    private static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-12-05T20:13:07+01:00");

    @TempDir
    Path home;

    @Test
    void theContentIsKeyValueLinesAndReadsBack() {
        DatabaseOwner owner = new DatabaseOwner("./mops-reports serve --port 8086", 4242, STARTED, "jan", "serwer1", null);
        assertThat(owner.format()).isEqualTo("""
                # Wbudowana baza danych (pgdata) jest w użyciu; blokadę zwalnia zakończenie procesu.
                command=./mops-reports serve --port 8086
                pid=4242
                started=2026-12-05T20:13:07+01:00
                user=jan
                host=serwer1
                """);
        assertThat(DatabaseOwner.parse(owner.format())).contains(owner);

        DatabaseOwner running = owner.withPort(38211);
        assertThat(running.format()).endsWith("host=serwer1\nport=38211\n");
        assertThat(DatabaseOwner.parse(running.format())).contains(running);
        assertThat(DatabaseOwner.parse(running.format().replace("\n", "\r\n"))).contains(running);
    }

    @Test
    void aCommandStaysOneLineAndMayContainEqualsSigns() {
        DatabaseOwner owner = new DatabaseOwner("./mops-reports run monthly\n--month=2025-03\r", 7, STARTED, "anna\n",
                "serwer1", 5432);
        assertThat(owner.command()).isEqualTo("./mops-reports run monthly --month=2025-03");
        assertThat(owner.format()).contains("\ncommand=./mops-reports run monthly --month=2025-03\n")
                .contains("\nuser=anna\n");
        assertThat(DatabaseOwner.parse(owner.format())).contains(owner);
    }

    @Test
    void emptyOrHalfWrittenContentNamesNobody() {
        assertThat(DatabaseOwner.parse("")).isEmpty();
        assertThat(DatabaseOwner.parse("# komentarz\n")).isEmpty();
        assertThat(DatabaseOwner.parse("# x\ncommand=./mops-reports serve\npid=42")).as("cut off").isEmpty();
        assertThat(DatabaseOwner.parse("command=a\npid=x\nstarted=2026-12-05T20:13:07+01:00\nhost=h\n")).isEmpty();
        assertThat(DatabaseOwner.parse("command=a\npid=1\nstarted=wczoraj\nhost=h\n")).isEmpty();
        assertThat(DatabaseOwner.parse("pid=1\nstarted=2026-12-05T20:13:07+01:00\nhost=h\nport=\nnowy=klucz\n"))
                .contains(new DatabaseOwner("?", 1, STARTED, "?", "h", null));
    }

    @Test
    void contentIsBelievedOnlyForALiveProcessOlderThanIt() throws Exception {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long ours = ProcessHandle.current().pid();
        assertThat(OwnerLock.plausiblyAlive(new DatabaseOwner("a", ours, now, "u", "tu", null), "tu")).isTrue();

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertThat(OwnerLock.plausiblyAlive(new DatabaseOwner("a", ended.pid(), now, "u", "tu", null), "tu"))
                .as("a dead owner's content (a new owner has not rewritten it yet)").isFalse();
        assertThat(OwnerLock.plausiblyAlive(new DatabaseOwner("a", ours, STARTED.minusYears(1), "u", "tu", null), "tu"))
                .as("the pid of a dead owner, reused by a younger process").isFalse();
        assertThat(OwnerLock.plausiblyAlive(new DatabaseOwner("a", ended.pid(), now, "u", "tam", null), "tu"))
                .as("another computer's process cannot be checked: its lock is believed").isTrue();
    }

    @Test
    void withinOneJvmASecondClaimIsAnsweredAndTheReleasedFileIsEmpty() throws Exception {
        Path file = home.resolve("pgdata.lock");
        DatabaseOwner me = new DatabaseOwner("./mops-reports serve", ProcessHandle.current().pid(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), "jan", "tu", null);

        OwnerLock.Claim first = OwnerLock.claim(file, me);
        assertThat(first).isInstanceOf(OwnerLock.Held.class);
        OwnerLock lock = ((OwnerLock.Held) first).lock();
        lock.recordPort(38211);
        DatabaseOwner other = new DatabaseOwner("./mops-reports runs", me.pid(), me.started(), "jan", "tu", null);
        assertThat(OwnerLock.claim(file, other)).isEqualTo(new OwnerLock.Taken(Optional.of(me.withPort(38211))));

        lock.close();
        lock.close();
        assertThat(Files.size(file)).as("nobody holds it").isZero();
        OwnerLock.Claim again = OwnerLock.claim(file, other);
        assertThat(again).isInstanceOf(OwnerLock.Held.class);
        ((OwnerLock.Held) again).lock().close();
    }
}
