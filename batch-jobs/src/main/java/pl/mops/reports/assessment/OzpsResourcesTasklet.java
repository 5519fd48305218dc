package pl.mops.reports.assessment;

import java.io.IOException;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import pl.mops.reports.assessment.resources.ResourcesFile;
import pl.mops.reports.assessment.resources.ResourcesReader;
import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;
import pl.mops.reports.rendering.ReportFileWriter;

/**
 * Step 1: reads the resources file again, checks it is the file the run was started for (its SHA-256 is a
 * parameter of the job), validates it (every problem with its line, exit code 2) and stores the file and
 * its figures with the run.
 */
@Component
public class OzpsResourcesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OzpsResourcesTasklet.class);

    private final OzpsRepository repository;

    public OzpsResourcesTasklet(OzpsRepository repository) {
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        OzpsJobParameters parameters = OzpsJobParameters.from(step.getJobParameters());
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        byte[] content;
        try {
            content = Files.readAllBytes(parameters.resourcesFile());
        } catch (IOException e) {
            throw new UserError("Nie można odczytać pliku zasobów " + parameters.resourcesFile() + " ("
                    + e.getMessage() + ").", ExitCode.INVALID_INPUT, e);
        }
        if (!ReportFileWriter.sha256(content).equals(parameters.resourcesSha256())) {
            throw new UserError("Plik zasobów " + parameters.resourcesFile() + " zmienił się od chwili uruchomienia "
                    + "oceny — uruchom ją ponownie.", ExitCode.INVALID_INPUT, null);
        }
        ResourcesFile resources = ResourcesReader.parse(content, parameters.resourcesFile().getFileName().toString(),
                parameters.year());
        repository.storeResources(instanceId, parameters, resources, content);
        contribution.incrementWriteCount(1);
        log.info("Ocena zasobów {}: plik zasobów {} poprawny (SHA-256 {})", parameters.year(),
                parameters.resourcesFile(), parameters.resourcesSha256());
        return RepeatStatus.FINISHED;
    }
}
