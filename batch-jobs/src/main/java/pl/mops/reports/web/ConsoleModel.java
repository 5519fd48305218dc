package pl.mops.reports.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import pl.mops.reports.MopsProperties;

/** What every page of the console shows in its header and footer: the name of the unit, the time zone. */
@ControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleModel {

    private final MopsProperties properties;

    public ConsoleModel(MopsProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("jednostka")
    public String unitName() {
        return properties.unitName() == null ? "MOPS" : properties.unitName();
    }

    @ModelAttribute("strefa")
    public String timeZone() {
        return properties.timeZone().getId();
    }
}
