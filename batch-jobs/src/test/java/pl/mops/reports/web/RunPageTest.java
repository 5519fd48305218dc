package pl.mops.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a run's page shows of a failure stored by another process (no Spring context). */
class RunPageTest {

    @Test
    void theStoredReasonIsTheFirstLineWithoutTheExceptionsClass() {
        assertThat(RunPage.storedReason("pl.mops.reports.system.UserError: Nie ma migawki danych nr 7.\n"
                + "\tat pl.mops.reports.statistics.MonthlyStatisticsService.run(MonthlyStatisticsService.java:85)"))
                .isEqualTo("Nie ma migawki danych nr 7.");
        assertThat(RunPage.storedReason("java.lang.IllegalStateException\n\tat x.y(Z.java:1)")).isEmpty();
        assertThat(RunPage.storedReason("org.springframework.dao.DataAccessResourceFailureException: brak połączenia"))
                .isEqualTo("brak połączenia");
        assertThat(RunPage.storedReason("Zatrzymane na żądanie.")).isEqualTo("Zatrzymane na żądanie.");
        assertThat(RunPage.storedReason(null)).isEmpty();
        assertThat(RunPage.forConsole("Jeśli eksport jest taki, powtórz polecenie z opcją --potwierdz-ubytek."))
                .endsWith("W konsoli: prześlij pliki ponownie z zaznaczonym polem „Potwierdzam ubytek danych”.");
    }
}
