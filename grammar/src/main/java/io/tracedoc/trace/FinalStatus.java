package io.tracedoc.trace;

/**
 * The runner's last word on the job: {@code Job succeeded},
 * {@code ERROR: Job failed: <error>} or
 * {@code ERROR: Job failed (system failure): <error>} ({@code common/build.go}).
 *
 * @param line the line number of the status line
 * @param text the status line as shown
 * @param error the error after {@code Job failed: }, joined with the lines that continue
 * it when a copy wrapped it (empty for success)
 * @param systemFailure {@code true} for {@code (system failure)}
 * @param exitCode the exit code the error names ({@code exit code 137},
 * {@code exit status 1}), or {@code null}
 */
public record FinalStatus(int line, String text, String error, boolean systemFailure, Integer exitCode) {

}
