package pl.mops.reports.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What the runs of this process have reported so far, for the pages that follow a run live: the events of the last
 * {@value #KEPT} executions, oldest first. (A run of another process is followed through its stored steps.)
 */
@Component
public class ProgressBoard implements ProgressSink {

    static final int KEPT = 50;

    private final Map<Long, List<RunProgress>> byExecution = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<RunProgress>> eldest) {
            return size() > KEPT;
        }
    };

    @Override
    public synchronized void accept(RunProgress progress) {
        byExecution.computeIfAbsent(progress.executionId(), id -> new ArrayList<>()).add(progress);
    }

    /** the events of one execution so far, oldest first; empty when this process did not run it */
    public synchronized List<RunProgress> of(long executionId) {
        return List.copyOf(byExecution.getOrDefault(executionId, List.of()));
    }
}
