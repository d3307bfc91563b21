package io.sfinbound.transformer.job;

/** config-api answered 404 for a job version: permanent, the records of that version are dead-lettered. */
public class JobVersionNotFoundException extends RuntimeException {

    public JobVersionNotFoundException(long jobId, int version) {
        super("job " + jobId + " version " + version + " is not known to config-api");
    }
}
