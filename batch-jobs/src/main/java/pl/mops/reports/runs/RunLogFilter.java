package pl.mops.reports.runs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** Lets into the per-run log only the events logged while a job runs (the MDC names the run's file). */
public class RunLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getMDCPropertyMap().containsKey(RunLog.FILE_KEY) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
