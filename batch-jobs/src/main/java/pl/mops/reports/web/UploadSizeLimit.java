package pl.mops.reports.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.WebUtils;

/**
 * Refuses an upload whose declared length is over the limit ({@code mops.web.przesylanie.limit})
 * with the Polish page 413 ({@code templates/error/413.html}) — before anything reads the body. It runs ahead of
 * Spring Security: otherwise the CSRF check would read the form first, the container would give up parsing the too
 * large body and the user would see a misleading 403 about the form's security token. (An upload without a declared
 * length is still limited by the container, see {@code config/application.yml}.)
 */
public class UploadSizeLimit extends OncePerRequestFilter {

    private final DataSize limit;

    public UploadSizeLimit(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit.toBytes()) {
            request.setAttribute("limit", limit.toMegabytes() + " MB");
            // the error dispatch must not try to read the parts again (DispatcherServlet skips a failed multipart)
            request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE,
                    new MaxUploadSizeExceededException(limit.toBytes()));
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
