package pl.mops.reports.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over the limit ({@code mops.web.przesylanie.limit}, which sets Spring's multipart limits) or one the
 * server could not read: a Polish page (413 / 400) instead of an error with a stack trace.
 */
@ControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class UploadLimitAdvice {

    private final UploadedExport uploads;

    public UploadLimitAdvice(UploadedExport uploads) {
        this.uploads = uploads;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("blad", UploadedExport.tooLarge(uploads.limit()));
        return "przeslanie-odrzucone";
    }

    @ExceptionHandler(MultipartException.class)
    public String unreadable(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("blad", "Nie udało się odebrać przesyłanych plików (przerwane przesyłanie albo "
                + "nieprawidłowy formularz). Spróbuj ponownie.");
        return "przeslanie-odrzucone";
    }
}
