package pl.mops.reports.runs;

import pl.mops.reports.system.ExitCode;
import pl.mops.reports.system.UserError;

/**
 * How a job is started from the command line or the scheduler.
 *
 * @param rerun   compute again under a new version ({@code --rerun})
 * @param restart only resume an interrupted or failed run; nothing to resume is an error ({@code --restart})
 * @param waitForLock when another process runs the same job and period: wait for it ({@code --czekaj}) instead of
 *                exit code 5
 * @param incompletePeriod compute a period that the snapshot does not cover completely ({@code --niepelny-okres});
 *                the documents then say how much of it the data hold. Without it such a period is refused.
 */
public record RunOptions(boolean rerun, boolean restart, boolean waitForLock, boolean incompletePeriod) {

    public static final RunOptions DEFAULT = new RunOptions(false, false, false, false);

    public RunOptions(boolean rerun, boolean restart, boolean waitForLock) {
        this(rerun, restart, waitForLock, false);
    }

    public RunOptions {
        if (rerun && restart) {
            throw new UserError("Opcje --rerun (nowa wersja) i --restart (wznowienie przerwanego uruchomienia) "
                    + "wykluczają się.", ExitCode.INVALID_INPUT, null);
        }
    }

    public static RunOptions of(boolean rerun) {
        return new RunOptions(rerun, false, false);
    }
}
