package pl.mops.reports.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * The password of the source database, read when a connection is made and never kept, logged, put in a job parameter
 * or passed on the command line: from the file {@code mops.zrodlo.haslo-plik} (its first line) when configured,
 * otherwise from the environment variable {@code MOPS_SOURCE_PASSWORD}, otherwise none (the server's own
 * authentication, e.g. {@code .pgpass} or peer). A password file that anybody but its owner may read, write or list
 * (any group or others permission on a POSIX file system) is refused with a Polish message: the service account alone
 * must be able to read it. File systems without POSIX permissions are not checked.
 */
@Component
public class SourcePassword {

    public static final String ENVIRONMENT_VARIABLE = "MOPS_SOURCE_PASSWORD";

    private static final Set<PosixFilePermission> OTHERS_THAN_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final SourceSettings settings;
    private final UnaryOperator<String> environment;

    @Autowired
    public SourcePassword(SourceSettings settings) {
        this(settings, System::getenv);
    }

    SourcePassword(SourceSettings settings, UnaryOperator<String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** the password, or {@code null} when none is configured */
    public String resolve() {
        Path file = settings.passwordPath();
        if (file != null) {
            return readFile(file.toAbsolutePath().normalize());
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /** where the password comes from, for messages (never the password) */
    public String describeOrigin() {
        Path file = settings.passwordPath();
        if (file != null) {
            return "plik " + file.toAbsolutePath().normalize() + " (mops.zrodlo.haslo-plik)";
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? "bez hasła"
                : "zmienna środowiskowa " + ENVIRONMENT_VARIABLE;
    }

    static String readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("Nie ma pliku hasła bazy źródłowej " + file + " (mops.zrodlo.haslo-plik) albo nie jest to "
                    + "zwykły plik.", ExitCode.INVALID_INPUT, null);
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS_THAN_OWNER::contains)) {
                throw new UserError("Plik hasła bazy źródłowej " + file + " jest dostępny nie tylko dla konta usługi "
                        + "(uprawnienia " + PosixFilePermissions.toString(permissions) + "). Hasło nie zostało użyte; "
                        + "zostaw dostęp tylko właścicielowi: chmod 600 " + file, ExitCode.INVALID_INPUT, null);
            }
        } catch (UnsupportedOperationException noPosix) {
            // e.g. Windows: the file system's own access lists apply
        } catch (IOException e) {
            throw new UserError("Nie można sprawdzić uprawnień pliku hasła bazy źródłowej " + file + " ("
                    + e.getClass().getSimpleName() + ").", ExitCode.INVALID_INPUT, e);
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("Nie można odczytać pliku hasła bazy źródłowej " + file + " (brak uprawnień albo błąd "
                    + "odczytu).", ExitCode.INVALID_INPUT, e);
        }
        String first = content.lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new UserError("Plik hasła bazy źródłowej " + file + " jest pusty (hasło: pierwszy wiersz pliku).", ExitCode.INVALID_INPUT,
                    null);
        }
        return first;
    }
}
