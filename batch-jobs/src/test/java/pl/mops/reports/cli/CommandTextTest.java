package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command as typed, for the log and the database owner's lock file: secrets masked, short. */
class CommandTextTest {

    @Test
    void passwordOptionsAreMaskedWithOrWithoutEqualsSign() {
        assertThat(CommandText.masked(new String[] {"extract", "--source-url", "jdbc:postgresql://db/mops",
                "--source-user", "raport", "--source-password", "Tajne1!", "--spring.datasource.password=Inne2",
                "--out", "x"}))
                .containsExactly("extract", "--source-url", "jdbc:postgresql://db/mops", "--source-user", "raport",
                        "--source-password", "***", "--spring.datasource.password=***", "--out", "x");
        assertThat(CommandText.masked(new String[] {"extract", "--source-password"})).as("no value")
                .containsExactly("extract", "--source-password");
    }

    @Test
    void passwordsInsideUrlsAreMasked() {
        assertThat(CommandText.masked(new String[] {
                "--spring.datasource.url=jdbc:postgresql://db:5432/mops?user=raport&password=Tajne1!&ssl=true",
                "--source-url", "jdbc:postgresql://raport:Tajne1!@db/mops", "--source-url=postgresql://u:p@h/d?PASSWORD=x"}))
                .containsExactly("--spring.datasource.url=jdbc:postgresql://db:5432/mops?user=raport&password=***&ssl=true",
                        "--source-url", "jdbc:postgresql://raport:***@db/mops", "--source-url=postgresql://u:***@h/d?PASSWORD=***");
    }

    @Test
    void theShortTextNamesTheProgramAndIsCut() {
        assertThat(CommandText.shortText(new String[] {"run", "monthly", "--month", "2025-03"}))
                .isEqualTo("./mops-reports run monthly --month 2025-03");
        assertThat(CommandText.shortText(new String[] {"import", "--dir", "a\nb"})).isEqualTo("./mops-reports import --dir a b");
        String longText = CommandText.shortText(new String[] {"import", "--dir", "/dane/".repeat(40)});
        assertThat(longText).hasSize(CommandText.SHORT_LIMIT).startsWith("./mops-reports import --dir /dane/").endsWith("…");
        assertThat(CommandText.shortText(new String[] {"extract", "--source-password", "Tajne1!"}))
                .isEqualTo("./mops-reports extract --source-password ***");
    }
}
