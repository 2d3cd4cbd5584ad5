package io.eventgateway.bootstrap.publisher;

import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSource;
import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.eventgateway.bootstrap.settings.DynamicSettingsFile;
import io.eventgateway.bootstrap.settings.LiveDynamicSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The publisher's periodic work, started with the role: flow signals feed P10 admission, which ticks every
 * flow-control interval; a dynamic-settings file, when configured, is re-read when it changes.
 */
@Context
@PublisherRole
public class PublisherLoops {

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    public PublisherLoops(KafkaFlowSignalSource flowSignals, P10AdmissionService admission,
            LiveDynamicSettings settings, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            @Value("${eventgateway.flow-control.interval}") Duration interval,
            @Nullable @Value("${eventgateway.dynamic-settings.file:}") String settingsFile,
            @Value("${eventgateway.dynamic-settings.poll-interval}") Duration settingsPoll) {
        flowSignals.subscribe(admission);
        schedules.add(scheduler.scheduleAtFixedRate(interval, interval, admission::tick));
        if (settingsFile != null && !settingsFile.isBlank()) {
            DynamicSettingsFile file = new DynamicSettingsFile(Path.of(settingsFile), settings);
            file.maybeReload();
            schedules.add(scheduler.scheduleAtFixedRate(settingsPoll, settingsPoll, file::maybeReload));
        }
    }

    @PreDestroy
    void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }
}
