package pl.mops.reports.runs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.stereotype.Component;

/**
 * Registers the {@link RunListener} on every job and step of the program, so no job can run without its own
 * log file and failure notification (and the job configurations need not remember it).
 */
@Component
public class RunListenerRegistrar implements BeanPostProcessor {

    private final ObjectProvider<RunListener> listener;

    public RunListenerRegistrar(ObjectProvider<RunListener> listener) {
        this.listener = listener;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(listener.getObject());
        } else if (bean instanceof AbstractStep step) {
            step.registerStepExecutionListener(listener.getObject());
        }
        return bean;
    }
}
