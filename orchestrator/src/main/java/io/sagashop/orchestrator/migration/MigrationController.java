package io.sagashop.orchestrator.migration;

import io.sagashop.orchestrator.saga.SagaVersions;
import jakarta.validation.constraints.Positive;
import java.util.OptionalInt;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators ({@code ./sagashop migrate}; docs/runbook.md): move the open sagas of older versions to
 * the version this build deploys. Under {@code /internal}, which the Ingress does not route.
 */
@RestController
class MigrationController {

  static final String MIGRATIONS = "/internal/saga/migrations";

  private final SagaMigration migration;
  private final SagaVersions versions;

  MigrationController(SagaMigration migration, SagaVersions versions) {
    this.migration = migration;
    this.versions = versions;
  }

  /**
   * The dry run: every open saga of the older versions (or of version {@code from} alone, which may be
   * newer: the undo) tried and undone; moves nothing.
   */
  @PostMapping(MIGRATIONS + "/preview")
  MigrationPreview preview(@RequestParam(required = false) @Positive Integer from) {
    return migration.preview(versions.thisBuildsVersion(), optional(from));
  }

  /** 202: a batch per version is under way for the sagas the dry run found movable. */
  @PostMapping(MIGRATIONS)
  ResponseEntity<MigrationStart> start(@RequestParam(required = false) @Positive Integer from) {
    return ResponseEntity.accepted().body(migration.start(versions.thisBuildsVersion(), optional(from)));
  }

  private static OptionalInt optional(Integer from) {
    return from == null ? OptionalInt.empty() : OptionalInt.of(from);
  }

  @GetMapping(MIGRATIONS + "/{batchId}")
  ResponseEntity<?> progress(@PathVariable String batchId) {
    return migration.progress(batchId).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(unknown(batchId)));
  }

  private static ProblemDetail unknown(String batchId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No migration batch " + batchId + " was started on this shop.");
    problem.setTitle("Unknown migration");
    problem.setProperty("batchId", batchId);
    return problem;
  }
}
