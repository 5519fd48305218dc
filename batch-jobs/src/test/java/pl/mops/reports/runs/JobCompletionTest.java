package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.BadSqlGrammarException;

import pl.mops.reports.system.UserError;

/** A job that failed on something no rule names is still told in one Polish line, never with the whole statement. */
class JobCompletionTest {

    private static final JobCompletion.Wording MONTHLY =
            new JobCompletion.Wording("statystyki za 2025-03", "Statystyka za 2025-03 zakończona", "ją");

    @Test
    void aStatementTheServerRejectedIsNamedByTheServersLineAndTheRunCanBeResumed() {
        JobExecution failed = new JobExecution(7L, new JobInstance(3L, "monthlyStatistics"), new JobParameters());
        failed.setStatus(BatchStatus.FAILED);
        failed.addFailureException(new BadSqlGrammarException("PreparedStatementCallback",
                "CREATE UNLOGGED TABLE ms_stat_p4242 AS\n" + "SELECT 1, 2\n".repeat(40),
                new SQLException("ERROR: column \"?column?\" specified more than once\n  Position: 31", "42701")));

        assertThatThrownBy(() -> JobCompletion.start(operatorReturning(failed), job(), new JobParameters(), MONTHLY))
                .isInstanceOf(UserError.class)
                .hasMessage("Statystyka za 2025-03 zakończona ze statusem „nieudane”: baza danych odrzuciła zapytanie "
                        + "programu (ERROR: column \"?column?\" specified more than once). Ponowne uruchomienie (to "
                        + "samo polecenie albo z --restart) wznowi ją od nieukończonego kroku.");
    }

    private static JobOperator operatorReturning(JobExecution execution) {
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(), new Class<?>[] {JobOperator.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("start") && args.length == 2 && args[0] instanceof Job) {
                        return execution;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Job job() {
        return (Job) Proxy.newProxyInstance(Job.class.getClassLoader(), new Class<?>[] {Job.class},
                (proxy, method, args) -> method.getName().equals("getName") ? "monthlyStatistics" : null);
    }
}
