package pl.mops.reports.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import pl.mops.reports.MopsProperties;

/** The schedule of the shipped {@code config/harmonogram.yml}, bound as Spring binds it, optionally with another horizon. */
final class DefaultSchedule {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private DefaultSchedule() {
    }

    static ScheduleSettings settings() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("harmonogram", new ClassPathResource("config/harmonogram.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("mops.harmonogram", ScheduleSettings.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schedule schedule(YearMonth catchUpFrom) {
        ScheduleSettings shipped = settings();
        return new Schedule(new ScheduleSettings(shipped.jobs(), catchUpFrom, shipped.checkEvery(), shipped.retryAfter()),
                new MopsProperties(null, null, null, WARSAW));
    }

    /** the shipped schedule with {@code przelicz-dla-nowej-migawki: true} for the monthly statistics */
    static Schedule withMonthlyRecomputedForNewSnapshots() {
        ScheduleSettings shipped = settings();
        List<ScheduleSettings.Entry> jobs = shipped.jobs().stream()
                .map(e -> e.job().equals("monthly")
                        ? new ScheduleSettings.Entry(e.job(), e.cron(), e.period(), e.enabled(), true) : e)
                .toList();
        return new Schedule(new ScheduleSettings(jobs, null, shipped.checkEvery(), shipped.retryAfter()),
                new MopsProperties(null, null, null, WARSAW));
    }
}
