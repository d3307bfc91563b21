package io.sfinbound.configapi.run;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sfinbound.common.record.Stage;

/** The latest absolute counters of one stage of one run: the event with the highest sequence wins. */
@Entity
@Table(name = "run_stage")
@IdClass(RunStageCounters.Key.class)
public class RunStageCounters extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public String runId;

    @Id
    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(nullable = false)
    public long sequence;

    /** JSON object of counter name to value. */
    @Column(nullable = false, columnDefinition = "text")
    public String counters;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String runId;
        public Stage stage;

        public Key() {
        }

        public Key(String runId, Stage stage) {
            this.runId = runId;
            this.stage = stage;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && stage == k.stage;
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, stage);
        }
    }
}
