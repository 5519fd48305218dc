package pl.mops.reports.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import pl.mops.reports.MopsProperties;
import pl.mops.reports.assessment.OzpsAssessmentService;
import pl.mops.reports.assessment.OzpsCommand;
import pl.mops.reports.assessment.resources.PreviousYearPrefill;
import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesForm;
import pl.mops.reports.assessment.resources.ResourcesPrefill;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.system.UserError;

/**
 * What the resources form of year Y starts from without a draft: what {@code ozps template} prefills (the database),
 * completed from last year's resources file — the one the form wrote ({@code MOPS_HOME/konsola/zasoby/}), else the one
 * {@code run ozps} would read ({@code MOPS_HOME/zasoby/zasoby-<Y−1>.yaml}, {@code .yml}, {@code .csv}, {@code .xlsx});
 * a file with problems is passed over.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourcesPrefills {

    private final OzpsCommand templates;
    private final OzpsAssessmentService ozps;
    private final MopsProperties properties;

    public ResourcesPrefills(OzpsCommand templates, OzpsAssessmentService ozps, MopsProperties properties) {
        this.templates = templates;
        this.ozps = ozps;
        this.properties = properties;
    }

    ResourcesPrefill of(int year) {
        ResourcesPrefill template = templates.prefill(year);
        return previousFile(year - 1).map(file -> PreviousYearPrefill.merge(template, file)).orElse(template);
    }

    private Optional<ResourcesFile> previousFile(int year) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(ResourcesRunFile.folder(properties.home()).resolve(ResourcesForm.fileName(year)));
        for (String extension : List.of("yaml", "yml", "csv", "xlsx")) {
            candidates.add(ozps.defaultResourcesDir().resolve("zasoby-" + year + "." + extension));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Optional.of(ResourcesReader.read(candidate, year));
                } catch (UserError e) {
                    // a file with problems prefills nothing: the clerk types the values
                }
            }
        }
        return Optional.empty();
    }
}
