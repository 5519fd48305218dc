package pl.mops.reports.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the publication profile ({@code mops.publication.*} in {@code config/application.yml}).
 *
 * @param threshold       a count of families or persons {@code 1 ≤ v < threshold} is hidden and shown as
 *                        {@code <threshold}; default 3 (values 1 and 2 are shown as {@code <3})
 * @param protectionLevel P in percent: a value hidden because its group's count is small (amount, number of
 *                        benefits, persons in families) must be able to lie at least P % below and above its value
 *                        for a reader of the published tables; default 20
 */
@ConfigurationProperties("mops.publication")
public record PublicationProperties(Integer threshold, Integer protectionLevel) {

    public PublicationProperties {
        if (threshold == null) {
            threshold = 3;
        }
        if (threshold < 2) {
            throw new IllegalArgumentException("mops.publication.threshold must be at least 2, is " + threshold);
        }
        if (protectionLevel == null) {
            protectionLevel = DocumentProtector.DEFAULT_PROTECTION_LEVEL;
        }
        if (protectionLevel < 0 || protectionLevel > 100) {
            throw new IllegalArgumentException("mops.publication.protection-level must be 0–100 (percent), is "
                    + protectionLevel);
        }
    }
}
