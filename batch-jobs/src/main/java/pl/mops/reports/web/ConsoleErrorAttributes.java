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
 * the exception, its message or a stack trace — and whether the 403 came from a missing CSRF token.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        attributes.remove("exception");
        attributes.remove("message");
        attributes.remove("trace");
        attributes.remove("errors");
        attributes.put("csrf", request.getAttribute(WebSecurityConfiguration.CSRF_REFUSED,
                RequestAttributes.SCOPE_REQUEST) != null);
        return attributes;
    }
}
