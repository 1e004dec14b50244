package studio.timelapse.shared.actionlog;

/**
 * Marks exceptions that are answers, not bugs — a refused command, work stopped on request. An action failed with
 * one logs its {@code failed} message without an {@code eliot:traceback}: the reason says all there is to say.
 */
public interface ExpectedFailure {}
