package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pl.mops.reports.scheduling.DefaultSchedule.WARSAW;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.system.UserError;
import pl.mops.reports.importing.SourceSettings;
import pl.mops.reports.support.MovableClock;

/** The shipped schedule, next firings by a given clock (also across the DST changes), validation, cron in words. */
class ScheduleTest {

    private static ZonedDateTime warsaw(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, WARSAW);
    }

    private static ScheduleEntry entry(String cron) {
        return Schedule.of(WARSAW, null, List.of(new ScheduleSettings.Entry("monthly", cron, "poprzedni-miesiac", true, true)))
                .entries().get(0);
    }

    @Test
    void shippedScheduleHasTheFourDefaultEntries() {
        Schedule schedule = DefaultSchedule.schedule(null);
        assertThat(schedule.entries()).extracting(e -> e.job().configName() + " " + e.cronText() + " " + e.rule().configName()
                        + " " + e.enabled() + " " + e.rerunForNewSnapshot())
                .containsExactly("monthly 0 0 2 3 * * poprzedni-miesiac true false",
                        "mrpips03 0 0 2 5 7 * i-polrocze true false",
                        "mrpips03 0 0 2 10 1 * poprzedni-rok true false",
                        "ozps 0 0 2 1 3 * poprzedni-rok true false");
        assertThat(schedule.checkEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.configuredCatchUpFrom()).isEmpty();
    }

    @Test
    void shippedScheduleChecksTheDropFolderEveryQuarterHourAndExtractsAtOneOnlyWithASource() {
        ScheduleSettings shipped = DefaultSchedule.settings();
        MopsProperties warsaw = new MopsProperties(null, null, null, WARSAW);
        Schedule withoutSource = new Schedule(shipped, warsaw);
        assertThat(withoutSource.dataEntries()).extracting(e -> e.kind().configName() + " " + e.cronText() + " "
                + e.enabled() + " " + e.disabledReason()).containsExactly("wymiana 0 */15 * * * * true null",
                "extract 0 0 1 * * * false wyłączone (brak mops.zrodlo.url)");
        Schedule withSource = new Schedule(shipped, warsaw, new SourceSettings("jdbc:postgresql://zrodlo/mops", null,
                null, null));
        assertThat(withSource.enabledDataEntries()).extracting(e -> e.kind().configName()).containsExactly("wymiana",
                "extract");
        ZonedDateTime now = warsaw(2026, 3, 4, 10, 7);
        assertThat(withSource.nextDataFiring(now)).contains(warsaw(2026, 3, 4, 10, 15));
        assertThat(withSource.dataEntries().get(1).nextFiring(now)).isEqualTo(warsaw(2026, 3, 5, 1, 0));
        // the report entries' next firing is not moved by the data entries
        assertThat(withSource.nextFiring(now)).contains(warsaw(2026, 4, 3, 2, 0));
        assertThatThrownBy(() -> Schedule.of(WARSAW, null,
                List.of(new ScheduleSettings.Entry("wymiana", "0 */15 * * * *", "poprzedni-miesiac", true, null))))
                .isInstanceOf(UserError.class).hasMessage("Harmonogram (config/harmonogram.yml, mops.harmonogram.zadania[0]): "
                        + "zadanie wymiana nie ma okresu ani przelicz-dla-nowej-migawki (sprawdza, czy są nowe dane) — usuń "
                        + "te pola.");
        assertThat(Schedule.of(WARSAW, null, List.of(new ScheduleSettings.Entry("wymiana", "0 */15 * * * *", null, false,
                null))).dataEntries().get(0).disabledReason()).isEqualTo("wyłączone (wlaczone: false)");
    }

    @Test
    void nextFiringOfEachEntryAndThePeriodItProduces() {
        Schedule schedule = DefaultSchedule.schedule(null);
        ZonedDateTime now = warsaw(2026, 3, 4, 10, 0);
        List<String> next = new ArrayList<>();
        for (ScheduleEntry e : schedule.entries()) {
            ZonedDateTime at = e.nextFiring(now);
            next.add(at.toOffsetDateTime() + " " + e.periodOf(at.toLocalDate()).key());
        }
        // April and July are summer time (+02:00), January and March 1st winter time (+01:00)
        assertThat(next).containsExactly("2026-04-03T02:00+02:00 2026-03", "2026-07-05T02:00+02:00 2026-P",
                "2027-01-10T02:00+01:00 2026-R", "2027-03-01T02:00+01:00 2026");
        assertThat(schedule.nextFiring(now)).contains(warsaw(2026, 4, 3, 2, 0));
    }

    @Test
    void aFiringAtTheHourSkippedInMarchComesRightAfterTheGapAndTheRepeatedHourInOctoberFiresOnce() {
        ScheduleEntry daily = entry("0 30 2 * * *");
        List<String> march = new ArrayList<>();
        ZonedDateTime t = warsaw(2026, 3, 27, 12, 0);
        for (int i = 0; i < 3; i++) {
            t = daily.nextFiring(t);
            march.add(t.toOffsetDateTime().toString());
        }
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist — fired at 03:30 CEST, not skipped
        assertThat(march).containsExactly("2026-03-28T02:30+01:00", "2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00");

        List<String> october = new ArrayList<>();
        t = warsaw(2026, 10, 24, 0, 0);
        for (int i = 0; i < 3; i++) {
            t = daily.nextFiring(t);
            october.add(t.toOffsetDateTime().toString());
        }
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice — fired once, the first time
        assertThat(october).containsExactly("2026-10-24T02:30+02:00", "2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");

        // a yearly job on the last Sunday of March at 02:00 still fires that year (03:00 CEST)
        assertThat(entry("0 0 2 29 3 *").nextFiring(warsaw(2026, 3, 1, 0, 0)).toOffsetDateTime())
                .hasToString("2026-03-29T03:00+02:00");
    }

    @Test
    void theServerWakesAtTheLatestEveryMinuteAndJustAfterAFiring() {
        Schedule schedule = DefaultSchedule.schedule(null);
        MovableClock clock = new MovableClock(warsaw(2026, 3, 4, 10, 0));
        ScheduleServer server = new ScheduleServer(null, schedule, clock);
        assertThat(server.untilNextCheck()).isEqualTo(Duration.ofMinutes(1));
        clock.set(warsaw(2026, 4, 3, 1, 59).plusSeconds(30)); // the monthly firing at 02:00 is 30 s away
        assertThat(server.untilNextCheck()).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void aWrongEntryIsAPolishErrorNamingIt() {
        assertThatThrownBy(() -> Schedule.of(WARSAW, null,
                List.of(new ScheduleSettings.Entry("monthly", "0 0 2 3 *", "poprzedni-miesiac", true, true))))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("mops.harmonogram.zadania[0]").hasMessageContaining("nieprawidłowe wyrażenie cron \"0 0 2 3 *\"")
                .extracting(e -> ((UserError) e).exitCode()).isEqualTo(2);
        assertThatThrownBy(() -> Schedule.of(WARSAW, null,
                List.of(new ScheduleSettings.Entry("ozps", "0 0 2 1 3 *", "i-polrocze", true, false))))
                .hasMessageContaining("okres \"i-polrocze\" nie pasuje do zadania ozps");
        assertThatThrownBy(() -> Schedule.of(WARSAW, null,
                List.of(new ScheduleSettings.Entry("roczne", "0 0 2 1 3 *", "poprzedni-rok", true, false))))
                .hasMessageContaining("nieznane zadanie \"roczne\"");
    }

    @Test
    void cronInPolishWords() {
        assertThat(CronDescription.polish("0 0 2 3 * *")).isEqualTo("co miesiąc, 3. dnia o 02:00");
        assertThat(CronDescription.polish("0 0 2 5 7 *")).isEqualTo("co roku 5 lipca o 02:00");
        assertThat(CronDescription.polish("0 0 2 10 1 *")).isEqualTo("co roku 10 stycznia o 02:00");
        assertThat(CronDescription.polish("0 30 4 * * *")).isEqualTo("codziennie o 04:30");
        assertThat(CronDescription.polish("0 */15 * * * *")).isEqualTo("co 15 min");
        assertThat(CronDescription.polish("0 0 2 * * MON")).isEqualTo("według wyrażenia cron");
    }
}
