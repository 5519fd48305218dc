package pl.mops.reports.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the Polish error pages ({@code templates/error/*.html}) may show: the status, the path and the time — never
 * the exception, its message or a stack trace — and whether the 403 came from a missing CSRF token; for 413 (an
 * upload over {@code mops.web.przesylanie.limit}) the Polish reason with the limit.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleErrorAttributes extends DefaultErrorAttributes {

    private final org.springframework.beans.factory.ObjectProvider<UploadedExport> uploads;

    public ConsoleErrorAttributes(org.springframework.beans.factory.ObjectProvider<UploadedExport> uploads) {
        this.uploads = uploads;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        attributes.remove("exception");
        attributes.remove("message");
        attributes.remove("trace");
        attributes.remove("errors");
        if (Integer.valueOf(413).equals(attributes.get("status"))) {
            // an upload over the limit, refused by the server before the page saw it (error/413.html says why)
            UploadedExport export = uploads.getIfAvailable();
            attributes.put("blad", export == null ? "Przesyłane pliki są za duże." : UploadedExport.tooLarge(export.limit()));
        }
        attributes.put("csrf", request.getAttribute(WebSecurityConfiguration.CSRF_REFUSED,
                RequestAttributes.SCOPE_REQUEST) != null);
        return attributes;
    }
}
