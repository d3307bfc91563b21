package io.sfinbound.common.record;

/** What a run request asks the extractor to do. */
public enum RunAction {
    /** Extract the window of the request. */
    START,
    /** Terminate the run of the request's run id, if it is running. */
    CANCEL
}
