package pl.mops.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;

/** Which starts may use the bean definitions processed at build time ({@link AheadOfTime}); the jar: AheadOfTimeJarIT. */
class AheadOfTimeTest {

    @AfterEach
    void clear() {
        System.clearProperty(AheadOfTime.REQUESTED);
        AheadOfTime.use(false);
    }

    @Test
    void settingsThatOnlyGiveValuesKeepTheDefinitionsOthersMaySwitchBeans() {
        assertThat(AheadOfTime.onlyValues("--spring.datasource.url=jdbc:postgresql://db/mops")).isTrue();
        assertThat(AheadOfTime.onlyValues("--logging.level.pl.mops=DEBUG")).isTrue();
        assertThat(AheadOfTime.onlyValues("--spring.main.log-startup-info=true")).isTrue();
        assertThat(AheadOfTime.onlyValues("--spring.flyway.enabled=false")).isFalse();
        assertThat(AheadOfTime.onlyValues("--spring.main.lazy-initialization=true")).isFalse();

        assertThat(AheadOfTime.environmentOnlyValues("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(AheadOfTime.environmentOnlyValues("MOPS_HOME")).isTrue();
        assertThat(AheadOfTime.environmentOnlyValues("SPRING_PROFILES_ACTIVE")).isFalse();
        assertThat(AheadOfTime.environmentOnlyValues("SPRING_APPLICATION_JSON")).isFalse();

        assertThat(AheadOfTime.systemPropertyOnlyValues("spring.datasource.password")).isTrue();
        assertThat(AheadOfTime.systemPropertyOnlyValues("spring.backgroundpreinitializer.ignore")).isTrue();
        assertThat(AheadOfTime.systemPropertyOnlyValues("user.timezone")).isTrue();
        assertThat(AheadOfTime.systemPropertyOnlyValues("spring.batch.job.enabled")).isFalse();
    }

    @Test
    void onlyWhenAskedForAndNeverForTheWebServerOrSwitchingSettings() {
        assertThat(AheadOfTime.usable(false, List.of())).isFalse(); // not asked for: scanning as before
        System.setProperty(AheadOfTime.REQUESTED, "true");
        assertThat(AheadOfTime.usable(true, List.of())).as("serve").isFalse();
        assertThat(AheadOfTime.usable(false, List.of("--spring.flyway.enabled=false"))).isFalse();
        // whether a one-shot command then uses them depends on the jar (the test classes may hold a previous build's
        // processed classes, a clean build's do not): AheadOfTimeJarIT
        assertThat(AheadOfTime.usable(false, List.of("--logging.level.root=INFO")))
                .isEqualTo(AheadOfTime.processed());
    }

    @Test
    void aHandGivenSpringFlagCannotReachACommandTheDefinitionsDoNotFit() {
        String before = System.getProperty("spring.aot.enabled");
        System.setProperty("spring.aot.enabled", "true");
        try {
            AheadOfTime.use(false);
            assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
            AheadOfTime.use(true);
            assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("spring.aot.enabled");
            } else {
                System.setProperty("spring.aot.enabled", before);
            }
        }
    }
}
