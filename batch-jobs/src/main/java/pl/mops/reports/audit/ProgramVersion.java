package pl.mops.reports.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The program's version for the manifest: {@code git.properties} written at build time by
 * git-commit-id-maven-plugin (version, commit, whether the working tree had uncommitted changes). A build
 * without a git repository has only the version; the commit is then "nieznany".
 */
final class ProgramVersion {

    static final String UNKNOWN = "nieznany";

    private ProgramVersion() {
    }

    static Map<String, Object> read() {
        Properties git = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // the manifest then says "nieznany"
        }
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("wersja", git.getProperty("git.build.version", UNKNOWN));
        version.put("commit", git.getProperty("git.commit.id", git.getProperty("git.commit.id.full", UNKNOWN)));
        version.put("czasCommitu", git.getProperty("git.commit.time", UNKNOWN));
        String dirty = git.getProperty("git.dirty");
        version.put("niezatwierdzoneZmiany", dirty == null ? null : Boolean.valueOf(dirty));
        return version;
    }
}
