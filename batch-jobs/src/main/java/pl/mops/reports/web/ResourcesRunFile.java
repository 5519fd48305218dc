package pl.mops.reports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import pl.mops.reports.assessment.resources.ResourcesForm;
import pl.mops.reports.importing.staging.OwnerOnly;
import pl.mops.reports.importing.wymiana.OwnerOnlyTree;

/**
 * The resources file a run launched from the resources form reads: {@code MOPS_HOME/konsola/zasoby/zasoby-RRRR.yaml},
 * readable by the program's user only (like an uploaded export), replaced whole (written beside and moved over) so
 * that a run never reads half a file. The run stores its content and puts it in the auditors' package.
 */
final class ResourcesRunFile {

    private ResourcesRunFile() {
    }

    static Path folder(Path home) {
        return home.resolve("konsola").resolve("zasoby");
    }

    static Path write(Path home, int year, byte[] yaml) {
        Path folder = folder(home);
        OwnerOnlyTree.folder(home.resolve("konsola"));
        OwnerOnlyTree.folder(folder);
        Path target = folder.resolve(ResourcesForm.fileName(year));
        Path partial = folder.resolve("." + target.getFileName() + ".zapis");
        try {
            OwnerOnly.create(partial);
            Files.write(partial, yaml);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Nie można zapisać pliku zasobów " + target + " (" + e.getMessage() + ").", e);
        }
    }
}
