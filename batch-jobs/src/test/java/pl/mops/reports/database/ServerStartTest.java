package pl.mops.reports.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/** The embedded server started beside Spring: the datasource waits for it, and its failure is the command's. */
class ServerStartTest {

    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        later.shutdownNow();
    }

    private static DataSourceAfterServerStart gate(ServerStart start) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (start != null) {
            beans.registerSingleton("embeddedServerStart", start);
        }
        return new DataSourceAfterServerStart(beans.getBeanProvider(ServerStart.class));
    }

    @Test
    void theDataSourceIsHandedOutOnlyOnceTheServerIsReady() {
        CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        ServerStart start = new ServerStart(server);
        later.schedule(() -> server.complete(null), 300, TimeUnit.MILLISECONDS);
        assertThat(start.waitedMillis()).as("nothing has waited yet").isEqualTo(-1);

        long before = System.nanoTime();
        gate(start).postProcessBeforeInitialization("another bean", "other");
        assertThat(server).as("other beans do not wait").isNotDone();
        DataSource dataSource = mock(DataSource.class);
        assertThat(gate(start).postProcessBeforeInitialization(dataSource, "dataSource")).isSameAs(dataSource);

        assertThat(server).isDone();
        assertThat((System.nanoTime() - before) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(start.waitedMillis()).isGreaterThanOrEqualTo(250);
        assertThat(start.readyAfterMillis()).isGreaterThanOrEqualTo(250);
    }

    @Test
    void aStartThatFailedFailsTheDataSourceWithItsOwnError() {
        CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        UserError failure = new UserError("nie udało się uruchomić wbudowanej bazy danych PostgreSQL (folder x).",
                ExitCode.DATABASE_UNAVAILABLE, null);
        later.schedule(() -> server.completeExceptionally(failure), 100, TimeUnit.MILLISECONDS);
        ServerStart start = new ServerStart(server);

        assertThatThrownBy(() -> gate(start).postProcessBeforeInitialization(mock(DataSource.class), "dataSource"))
                .isSameAs(failure);
        assertThat(start.startedOrNull()).as("nothing to stop").isNull();
        assertThat(start.readyAfterMillis()).isEqualTo(-1);
    }

    @Test
    void withoutAServerStartedInTheBackgroundNothingWaits() {
        DataSource dataSource = mock(DataSource.class);
        assertThat(gate(null).postProcessBeforeInitialization(dataSource, "dataSource")).isSameAs(dataSource);
    }
}
