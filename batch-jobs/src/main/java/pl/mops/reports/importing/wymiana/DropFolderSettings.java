package pl.mops.reports.importing.wymiana;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * {@code mops.wymiana} in {@code config/application.yml}: the drop folder the case system (or a person) puts exports
 * into, and how the program treats it.
 *
 * @param folder     the drop folder; empty = {@code MOPS_HOME/wymiana}
 * @param settleTime a ZIP modified less than this long ago is still being written and is left for the next check
 *                   ({@code stabilny-po}, default 60 s)
 * @param keepMonths how long the archive ({@code przyjete/}, {@code odrzucone/}) keeps an export
 *                   ({@code przechowywanie-miesiecy}, default 13)
 * @param unpackLimit the most a ZIP may unpack to, counted while unpacking whatever the ZIP declares
 *                   ({@code limit-rozpakowania}, default 2 GB): a "ZIP bomb" is refused
 * @param entryLimit the most entries a ZIP may have ({@code limit-pozycji}, default 1000)
 */
@ConfigurationProperties("mops.wymiana")
public record DropFolderSettings(String folder, @Name("stabilny-po") Duration settleTime,
                                 @Name("przechowywanie-miesiecy") Integer keepMonths,
                                 @Name("limit-rozpakowania") DataSize unpackLimit,
                                 @Name("limit-pozycji") Integer entryLimit) {

    public DropFolderSettings {
        folder = folder == null || folder.isBlank() ? null : folder.strip();
        if (settleTime == null) {
            settleTime = Duration.ofSeconds(60);
        }
        if (keepMonths == null) {
            keepMonths = 13;
        }
        if (unpackLimit == null) {
            unpackLimit = DataSize.ofGigabytes(2);
        }
        if (entryLimit == null) {
            entryLimit = 1000;
        }
    }

    public static DropFolderSettings defaults() {
        return new DropFolderSettings(null, null, null, null, null);
    }

    /** the drop folder of an installation with this home folder */
    public Path folderIn(Path home) {
        return (folder == null ? home.resolve("wymiana") : Path.of(folder)).toAbsolutePath().normalize();
    }
}
