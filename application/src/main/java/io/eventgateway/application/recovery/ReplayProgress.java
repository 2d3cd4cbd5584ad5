package io.eventgateway.application.recovery;

/** What a spool replay reports as it goes, for a progress bar or log lines. */
public interface ReplayProgress {

    /** The objects found to replay, before the first is read. */
    void onPlanned(int objects, long bytes);

    /** One object replayed and deleted (or, in a dry run, read), or found already gone ({@code events == 0}). */
    void onObjectDone(SpooledObject object, int events);

    /** One object left in place, with why. */
    void onObjectKept(SpooledObject object, String reason);

    ReplayProgress NONE = new ReplayProgress() {
        @Override
        public void onPlanned(int objects, long bytes) {
        }

        @Override
        public void onObjectDone(SpooledObject object, int events) {
        }

        @Override
        public void onObjectKept(SpooledObject object, String reason) {
        }
    };
}
