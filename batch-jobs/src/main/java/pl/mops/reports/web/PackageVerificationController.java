package pl.mops.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pl.mops.reports.audit.PackageVerifier;
import pl.mops.reports.users.AuditLog;

/**
 * {@code /weryfikacja} (every role): an auditors' package uploaded from the browser is checked exactly as
 * {@code verify PACZKA.zip} checks it ({@link PackageVerifier#verify}). The upload is written to a new folder in the
 * system's temporary folder readable by the program's user only (outside anything the console serves), checked and
 * deleted together with its folder. A file that does not start as a ZIP archive is refused with a Polish message
 * before the check. The verdict and the file's name go to the audit log ({@link AuditLog.Action#WERYFIKACJA}).
 * Uploads over the size limit are refused before they are read ({@link UploadSizeLimit}).
 */
@Controller
@PreAuthorize("hasAnyRole('PLANOWANIE', 'STRATEGIA', 'AUDYTOR', 'ADMIN')")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PackageVerificationController {

    static final String ZGODNA = "zgodna";
    static final String NIEZGODNA = "niezgodna";
    static final String NIE_SPRAWDZONO = "nie można sprawdzić";

    private record Result(String verdict, List<String> lines) {
    }

    private final AuditLog audit;

    public PackageVerificationController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/weryfikacja")
    public String form() {
        return "weryfikacja";
    }

    @PostMapping("/weryfikacja")
    public String verify(@RequestParam(name = "paczka", required = false) MultipartFile upload, Authentication user,
                         HttpServletRequest request, Model model) throws IOException {
        if (upload == null || upload.isEmpty()) {
            model.addAttribute("blad", "Wybierz plik paczki dla audytorów (…-paczka.zip) i wyślij go jeszcze raz.");
            return "weryfikacja";
        }
        String name = shownName(upload.getOriginalFilename());
        Result result = TemporaryUpload.handle(upload, "mops-weryfikacja-", "paczka.zip", zip -> {
            if (!looksLikeZip(zip)) {
                return new Result(NIE_SPRAWDZONO, List.of("Plik " + name + " nie jest archiwum ZIP. Wybierz paczkę "
                        + "dla audytorów — plik …-paczka.zip pobrany ze strony Pliki albo otrzymany od MOPS."));
            }
            PackageVerifier.Outcome outcome = PackageVerifier.verify(zip);
            String verdict = switch (outcome.exitCode()) {
                case 0 -> ZGODNA;
                case 1 -> NIEZGODNA;
                default -> NIE_SPRAWDZONO;
            };
            return new Result(verdict, outcome.lines().stream().map(line -> line.replace(zip.toString(), name)).toList());
        });
        String verdict = result.verdict();
        List<String> lines = result.lines();
        audit.record(user.getName(), AuditLog.Action.WERYFIKACJA, request.getRemoteAddr(),
                "plik " + name + ": " + verdict);
        model.addAttribute("plik", name);
        model.addAttribute("werdykt", verdict);
        model.addAttribute("klasa", ZGODNA.equals(verdict) ? "werdykt-zgodna" : "werdykt-niezgodna");
        model.addAttribute("wiersze", lines);
        return "weryfikacja";
    }

    /** the file's own name as the browser sent it, without any folder, at most 120 characters */
    static String shownName(String original) {
        if (original == null || original.isBlank()) {
            return "(bez nazwy)";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "(bez nazwy)";
        }
        return name.length() > 120 ? name.substring(0, 120) + "…" : name;
    }

    /** a ZIP archive begins with a local file header, or (empty) with the end of the central directory */
    static boolean looksLikeZip(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return false;
            }
        }
        return Arrays.equals(head, new byte[] {'P', 'K', 3, 4}) || Arrays.equals(head, new byte[] {'P', 'K', 5, 6});
    }
}
