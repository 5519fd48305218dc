package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import pl.mops.reports.database.DatabaseOwner;

/** How a refused command names the owner of the embedded database; the processes themselves: EmbeddedDatabaseOwnerTest. */
class EmbeddedDatabaseAccessTest {

    private static final DatabaseOwner ME = new DatabaseOwner("./mops-reports import --dir dane", 7,
            OffsetDateTime.parse("2026-12-05T21:00:00+01:00"), "anna", "serwer1", null);

    @Test
    void theOwnerIsNamedWithItsStartInTheConfiguredZone() {
        DatabaseOwner serve = new DatabaseOwner("./mops-reports serve", 4242, OffsetDateTime.parse("2026-12-05T19:13:07Z"),
                "jan", "serwer1", 38211);
        assertThat(ConfiguredTimeZone.resolve()).as("config/application.yml").isEqualTo(ZoneId.of("Europe/Warsaw"));
        assertThat(EmbeddedDatabaseAccess.heldBy(serve, ME, ConfiguredTimeZone.resolve()))
                .isEqualTo("Wbudowana baza danych jest używana przez inny proces: ./mops-reports serve (pid 4242, "
                        + "użytkownik jan, od 05.12.2026 20:13).");
        DatabaseOwner elsewhere = new DatabaseOwner("./mops-reports serve", 4242,
                OffsetDateTime.parse("2026-07-01T06:05:00Z"), "jan", "serwer2", null);
        assertThat(EmbeddedDatabaseAccess.heldBy(elsewhere, ME, ZoneId.of("Europe/Warsaw")))
                .as("summer time; another computer sharing the home folder")
                .isEqualTo("Wbudowana baza danych jest używana przez inny proces: ./mops-reports serve (pid 4242, "
                        + "użytkownik jan, komputer serwer2, od 01.07.2026 08:05).");
    }

    @Test
    void onlyReadingCommandsReadThroughTheOwnersServer() {
        // sprawy looks cases up and prints them: it writes nothing
        assertThat(EmbeddedDatabaseAccess.READ_ONLY_COMMANDS).containsExactlyInAnyOrder("runs", "status", "snapshots",
                "sprawy");
    }
}
