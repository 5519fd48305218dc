package pl.mops.reports.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the publication profile ({@code mops.publication.*} in {@code config/application.yml}).
 *
 * @param threshold a count of families or persons {@code 1 ≤ v < threshold} is hidden and shown as {@code <threshold};
 *                  default 3 (values 1 and 2 are shown as {@code <3})
 */
@ConfigurationProperties("mops.publication")
public record PublicationProperties(Integer threshold) {

    public PublicationProperties {
        if (threshold == null) {
            threshold = 3;
        }
        if (threshold < 2) {
            throw new IllegalArgumentException("mops.publication.threshold must be at least 2, is " + threshold);
        }
    }
}
