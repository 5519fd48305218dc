package pl.mops.reports.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * The lines of {@code runs}, with the zones given explicitly: the times Spring Batch stored in one zone (here UTC,
 * as in a JVM started without {@code -Duser.timezone}) shown in {@code mops.time-zone}; Polish statuses; 120 columns.
 */
class RunsListingTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private static Map<String, String> parameters(String... nameValue) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put(nameValue[i], nameValue[i + 1]);
        }
        return map;
    }

    @Test
    void timesInTheConfiguredZoneStatusesAndParametersInPolish() {
        List<String> lines = RunsCommand.lines(List.of(
                new RunsCommand.Run(12, "monthlyStatistics", "COMPLETED", LocalDateTime.of(2025, 3, 3, 1, 0, 0),
                        LocalDateTime.of(2025, 3, 3, 1, 0, 8, 300_000_000),
                        parameters("month", "2025-02", "profile", "publikacja", "snapshot", "4", "version", "2"),
                        "harmonogram", null, List.of("/srv/mops/out/statystyka/2025-02/statystyka-2025-02-v2.xlsx")),
                new RunsCommand.Run(11, "mrpips03Return", "FAILED", LocalDateTime.of(2025, 6, 30, 22, 30, 0),
                        LocalDateTime.of(2025, 6, 30, 22, 31, 0),
                        parameters("layout", "2025.1", "layoutSha256", "ab".repeat(32), "period", "2025-P", "run", "1",
                                "snapshot", "3"),
                        "użytkownik jan", "java.io.IOException: brak miejsca na dysku\n\tat x", List.of())),
                UTC, WARSAW);
        assertThat(lines).containsExactly(
                "nr      zadanie   status        start                koniec               czas      uruchomił",
                "12      monthly   zakończone    03.03.2025 02:00:00  03.03.2025 02:00:08  8,3 s     harmonogram",
                "        miesiąc 2025-02, migawka 4, wersja 2, profil publikacja",
                "        plik: /srv/mops/out/statystyka/2025-02/statystyka-2025-02-v2.xlsx",
                "11      mrpips03  nieudane      01.07.2025 00:30:00  01.07.2025 00:31:00  60,0 s    użytkownik jan",
                "        okres 2025-P, migawka 3, przebieg 1, układ 2025.1",
                "        błąd: brak miejsca na dysku");
        // the same stored times read by a JVM in Warsaw (as ./mops-reports starts it) need no shift
        assertThat(RunsCommand.lines(List.of(new RunsCommand.Run(1, "ozpsAssessment", "STOPPED",
                LocalDateTime.of(2025, 3, 3, 1, 0, 0), null, Map.of("year", "2024"), null, null, List.of())), WARSAW, WARSAW))
                .containsExactly(
                        "nr      zadanie   status        start                koniec               czas      uruchomił",
                        "1       ozps      zatrzymane    03.03.2025 01:00:00",
                        "        rok 2024");
    }

    @Test
    void everyLineFitsIn120ColumnsAndLongValuesAreWrappedNotCut() {
        String who = "użytkownik " + "bardzo.dluga.nazwa.uzytkownika.".repeat(3);
        String path = "/srv/mops/" + "podkatalog-z-dluga-nazwa/".repeat(8) + "statystyka-2025-02.pdf";
        String error = "pl.mops.reports.system.UserError: " + "Nie można zapisać pliku w katalogu wyników, bo ".repeat(6);
        Map<String, String> parameters = parameters("month", "2025-02", "snapshot", "123456789012", "version", "17",
                "outputLabel", "x".repeat(150));
        List<String> lines = RunsCommand.lines(List.of(new RunsCommand.Run(1234567, "monthlyStatistics", "ABANDONED",
                LocalDateTime.of(2025, 3, 3, 1, 0), LocalDateTime.of(2025, 3, 4, 1, 0), parameters, who, error,
                List.of(path))), UTC, WARSAW);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        String all = String.join("\n", lines);
        assertThat(all).contains("porzucone", "86400,0 s", "miesiąc 2025-02, migawka 123456789012, wersja 17");
        assertThat(all.replaceAll("\n {8}", " ")).as("who launched it, wrapped at a space").contains(who.strip());
        assertThat(all.replaceAll("\n {14}", "")).as("the path, wrapped where it had to be").contains("plik: " + path);
        assertThat(all.replaceAll("\n {14}", " ")).contains("błąd: " + RunsCommand.failure("FAILED", error));
        assertThat(lines).hasSizeGreaterThan(6);
    }

    @Test
    void oneMappingOfStatuses() {
        assertThat(PolishStatus.of(BatchStatus.COMPLETED)).isEqualTo("zakończone");
        assertThat(PolishStatus.of(BatchStatus.FAILED)).isEqualTo("nieudane");
        assertThat(PolishStatus.of(BatchStatus.STOPPED)).isEqualTo("zatrzymane");
        assertThat(PolishStatus.of(BatchStatus.STOPPING)).isEqualTo("zatrzymywane");
        assertThat(PolishStatus.of(BatchStatus.STARTED)).isEqualTo("w toku");
        assertThat(PolishStatus.of(BatchStatus.STARTING)).isEqualTo("w toku");
        assertThat(PolishStatus.of(BatchStatus.ABANDONED)).isEqualTo("porzucone");
        assertThat(PolishStatus.of(BatchStatus.UNKNOWN)).isEqualTo("nieznany");
        assertThat(PolishStatus.of(PolishStatus.NOT_STARTED)).isEqualTo("nierozpoczęte");
        for (BatchStatus status : BatchStatus.values()) {
            assertThat(PolishStatus.of(status)).as(status.name()).isNotEqualTo(status.name());
        }
    }

    @Test
    void parametersForAClerk() {
        assertThat(RunParameters.forClerk(parameters("resourcesSha256", "ff", "snapshot", "2", "version", "1",
                "year", "2025"))).isEqualTo("rok 2025, migawka 2, wersja 1");
        assertThat(RunParameters.parse("month=2025-03, snapshot=4, version=1"))
                .containsExactly(Map.entry("month", "2025-03"), Map.entry("snapshot", "4"), Map.entry("version", "1"));
    }
}
