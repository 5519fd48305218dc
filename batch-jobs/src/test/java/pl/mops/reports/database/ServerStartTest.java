package pl.mops.reports.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;


import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/** The embedded server started beside Spring: the datasource waits for it, and its failure is the command's. */
class ServerStartTest {

    private static DataSourceAfterServerStart gate(ServerStart start) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (start != null) {
            beans.registerSingleton("embeddedServerStart", start);
        }
        DataSourceAfterServerStart gate = new DataSourceAfterServerStart();
        gate.setBeanFactory(beans);
        return gate;
    }

    /** a start that takes {@code millis}, then returns {@code server} or throws {@code failure} */
    private static ServerStart slowStart(long millis, EmbeddedDatabase server, RuntimeException failure) {
        return new ServerStart(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                throw failure;
            }
            return server;
        });
    }

    @Test
    void theDataSourceIsHandedOutOnlyOnceTheServerIsReady() {
        EmbeddedDatabase database = mock(EmbeddedDatabase.class);
        ServerStart start = slowStart(300, database, null);
        start.afterLoggingIsSetUp().onApplicationEvent(null); // Spring's logging is set up: the start begins
        assertThat(start.waitedMillis()).as("nothing has waited yet").isEqualTo(-1);

        long before = System.nanoTime();
        gate(start).postProcessBeforeInitialization("another bean", "other");
        assertThat(start.readyAfterMillis()).as("other beans do not wait").isEqualTo(-1);
        DataSource dataSource = mock(DataSource.class);
        assertThat(gate(start).postProcessBeforeInitialization(dataSource, "dataSource")).isSameAs(dataSource);

        assertThat((System.nanoTime() - before) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(start.waitedMillis()).isGreaterThanOrEqualTo(250);
        assertThat(start.readyAfterMillis()).isGreaterThanOrEqualTo(250);
        assertThat(start.endOfCommand()).as("the server to stop").isSameAs(database);
    }

    @Test
    void aStartThatFailedFailsTheDataSourceWithItsOwnError() {
        UserError failure = new UserError("nie udało się uruchomić wbudowanej bazy danych PostgreSQL (folder x).",
                ExitCode.DATABASE_UNAVAILABLE, null);
        ServerStart start = slowStart(100, null, failure);

        // not launched yet (Spring failed before its logging was set up, say): the datasource launches it
        assertThatThrownBy(() -> gate(start).postProcessBeforeInitialization(mock(DataSource.class), "dataSource"))
                .isSameAs(failure);
        assertThat(start.endOfCommand()).as("nothing to stop").isNull();
        assertThat(start.readyAfterMillis()).isEqualTo(-1);
    }

    @Test
    void aCommandEndedBeforeTheLaunchNeverStartsTheServer() {
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        ServerStart start = new ServerStart(() -> {
            started.set(true);
            return mock(EmbeddedDatabase.class);
        });

        assertThat(start.endOfCommand()).as("a stop signal before Spring set up logging: nothing to stop").isNull();
        start.afterLoggingIsSetUp().onApplicationEvent(null);

        assertThatThrownBy(start::awaitReady).hasMessageContaining("przed uruchomieniem wbudowanej bazy");
        assertThat(started).as("never started after the lock was released").isFalse();
    }

    @Test
    void withoutAServerStartedInTheBackgroundNothingWaits() {
        DataSource dataSource = mock(DataSource.class);
        assertThat(gate(null).postProcessBeforeInitialization(dataSource, "dataSource")).isSameAs(dataSource);
    }
}
