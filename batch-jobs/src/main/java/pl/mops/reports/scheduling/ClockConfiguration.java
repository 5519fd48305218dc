package pl.mops.reports.scheduling;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pl.mops.reports.MopsProperties;

/** The clock the scheduler reads (the system clock in the unit's time zone); tests put a movable one in its place. */
@Configuration
public class ClockConfiguration {

    @Bean
    public Clock schedulerClock(MopsProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
