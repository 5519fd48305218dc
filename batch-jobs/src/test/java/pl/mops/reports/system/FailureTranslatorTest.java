package pl.mops.reports.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;

class FailureTranslatorTest {

    @Test
    void statementTimeoutIsToldInPolishWithWhatToDo() {
        // what pgjdbc throws (PSQLException is an SQLException with SQLSTATE 57014), wrapped as Spring wraps it
        SQLException server = new SQLException("ERROR: canceling statement due to statement timeout", "57014");
        UserError error = FailureTranslator.toUserError(new QueryTimeoutException("StatementCallback", server));

        assertThat(error.getMessage())
                .contains("limit czasu (statement_timeout)", "Nic z tego kroku nie zostało zapisane", "--restart",
                        "config/application.yml")
                .doesNotContain("canceling statement");
        assertThat(error.exit()).isEqualTo(ExitCode.JOB_FAILED);
    }

    @Test
    void aStatementCancelledBySomeoneIsNotCalledATimeout() {
        SQLException server = new SQLException("ERROR: canceling statement due to user request", "57014");
        UserError error = FailureTranslator.toUserError(new RuntimeException(server));

        assertThat(error.getMessage()).contains("przerwane na żądanie").doesNotContain("statement_timeout", "canceling");
    }

    @Test
    void aStatementTheServerRejectsIsToldInTheServersOneLineNotByTheWholeStatement() {
        // as Spring wraps what pgjdbc throws: the wrapper's message quotes the whole statement (here 40 lines)
        SQLException server = new SQLException("ERROR: column \"?column?\" specified more than once\n  Position: 31",
                "42701");
        String statement = "CREATE UNLOGGED TABLE ms_stat_p4242 AS\n" + "SELECT 1, 2\n".repeat(40);
        UserError error = FailureTranslator.toUserError(new BadSqlGrammarException("PreparedStatementCallback",
                statement, server));

        assertThat(error.getMessage()).isEqualTo("baza danych odrzuciła zapytanie programu (ERROR: column "
                + "\"?column?\" specified more than once).");
        assertThat(error.exit()).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(error.getCause()).as("the whole failure stays for the log").isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void aServerThatIsShuttingDownIsToldInPolishWithWhatToDo() {
        // a command started while the console that runs the embedded database was closing (seen in session 13)
        SQLException server = new SQLException("FATAL: the database system is shutting down", "57P03");
        UserError error = FailureTranslator.toUserError(new RuntimeException("Failed to obtain JDBC Connection", server));

        assertThat(error.getMessage()).contains("właśnie się zatrzymuje", "ponownie za chwilę")
                .doesNotContain("shutting down", "FATAL");
        assertThat(error.exit()).isEqualTo(ExitCode.DATABASE_UNAVAILABLE);
        assertThat(error.getCause()).as("the server's words stay for the log").isInstanceOf(RuntimeException.class);
    }

    @Test
    void aServerThatIsStartingOrWasStoppedIsToldApart() {
        UserError starting = FailureTranslator.toUserError(
                new SQLException("FATAL: the database system is starting up", "57P03"));
        UserError stopped = FailureTranslator.toUserError(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertThat(starting.getMessage()).contains("właśnie się uruchamia").doesNotContain("starting up");
        assertThat(stopped.getMessage()).contains("zatrzymał się w trakcie pracy", "--restart")
                .doesNotContain("administrator command");
        assertThat(stopped.exit()).isEqualTo(ExitCode.DATABASE_UNAVAILABLE);
    }

    @Test
    void aLostConnectionStillSaysSo() {
        UserError error = FailureTranslator.toUserError(new SQLException("Connection refused", "08001"));

        assertThat(error.getMessage()).startsWith("brak połączenia z bazą danych");
    }
}
