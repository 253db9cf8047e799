package io.sagashop.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What {@code ./sagashop migrate} does as the operator (docs/runbook.md, "Shipping a new version of
 * the saga"): the dry run, then, unless only the dry run is asked for, the migration, followed batch by
 * batch until each is done or a move fails. The report names every saga left on its version and why.
 */
final class Migration {

  /** How long a batch may take; Camunda's batch monitor looks every 30 s. */
  private static final Duration PATIENCE = Duration.ofMinutes(30);
  private static final Duration LOOK_EVERY = Duration.ofSeconds(2);

  private Migration() {}

  static Report run(ShopApi shop, MigrateArguments arguments, Consumer<String> progress) {
    boolean dryRun = arguments.dryRun();
    ShopApi.Answer preview = shop.previewMigration(arguments.from());
    if (!preview.is(200)) {
      throw new IllegalStateException("The dry run was refused: " + preview);
    }
    List<String> lines = new ArrayList<>(describe(preview.body()));
    lines.forEach(progress);
    int open = sum(preview.body(), "open");
    int movable = sum(preview.body(), "movable");
    if (dryRun || movable == 0) {
      lines.add(String.format(Locale.ROOT, "MIGRATE dry_run=%b open=%d movable=%d moved=0 left=%d failures=0", dryRun, open, movable, open - movable));
      return new Report(lines, movable == open);
    }
    ShopApi.Answer started = shop.startMigration(arguments.from());
    if (!started.is(202)) {
      throw new IllegalStateException("The migration was refused: " + started);
    }
    int moved = 0;
    int failures = 0;
    for (JsonNode batch : started.body().path("batches")) {
      String batchId = batch.path("batchId").asText();
      progress.accept(String.format(Locale.ROOT, "Batch %s moves %d sagas from version %d (Cockpit: Batches)",
          batchId, batch.path("sagas").asInt(), batch.path("fromVersion").asInt()));
      JsonNode last = follow(shop, batchId, progress);
      if (last.path("done").asBoolean()) {
        moved += batch.path("sagas").asInt();
      }
      for (JsonNode failure : last.path("failures")) {
        lines.add("  batch " + batchId + " failed: " + failure.asText());
        failures++;
      }
      if (!last.path("done").asBoolean()) {
        lines.add("  batch " + batchId + " is not done: " + last);
      }
    }
    int left = open - sum(started.body().path("preview"), "movable");
    lines.add(String.format(Locale.ROOT, "MIGRATE dry_run=false open=%d movable=%d moved=%d left=%d failures=%d", open, movable, moved, left, failures));
    return new Report(lines, moved == open && failures == 0);
  }

  /** Reports the batch's progress until it is done or a job of it has failed; its last state. */
  private static JsonNode follow(ShopApi shop, String batchId, Consumer<String> progress) {
    JsonNode[] last = {null};
    try {
      Awaitility.await().atMost(PATIENCE).pollInterval(LOOK_EVERY).until(() -> {
        ShopApi.Answer answer = shop.migrationBatch(batchId);
        if (!answer.is(200)) {
          throw new IllegalStateException("Cannot read batch " + batchId + ": " + answer);
        }
        JsonNode now = answer.body();
        if (last[0] == null || now.path("jobsDone").asInt() != last[0].path("jobsDone").asInt()) {
          progress.accept(String.format(Locale.ROOT, "  %d of %d jobs done", now.path("jobsDone").asInt(), now.path("jobs").asInt()));
        }
        last[0] = now;
        return now.path("done").asBoolean() || !now.path("failures").isEmpty();
      });
    } catch (ConditionTimeoutException e) {
      progress.accept("  still running after " + PATIENCE.toMinutes() + " min; follow it in Cockpit (Batches)");
    }
    return last[0];
  }

  private static List<String> describe(JsonNode preview) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "The orchestrators deploy version %d of the saga (%s).",
        preview.path("targetVersion").asInt(), preview.path("targetDefinitionId").asText()));
    if (preview.path("versions").isEmpty()) {
      lines.add("No saga is open on an older version: nothing to move.");
    }
    for (JsonNode version : preview.path("versions")) {
      lines.add(String.format(Locale.ROOT, "Version %d: %d open sagas, %d would move.",
          version.path("version").asInt(), version.path("open").asInt(), version.path("movable").asInt()));
      for (JsonNode failure : version.path("planFailures")) {
        lines.add("  no plan: " + failure.asText());
      }
      for (JsonNode saga : version.path("cannotMove")) {
        lines.add(String.format("  stays: order %s (saga %s): %s", saga.path("orderId").asText(), saga.path("sagaId").asText(),
            String.join("; ", texts(saga.path("reasons")))));
      }
    }
    return lines;
  }

  private static int sum(JsonNode preview, String field) {
    int sum = 0;
    for (JsonNode version : preview.path("versions")) {
      sum += version.path(field).asInt();
    }
    return sum;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(text -> texts.add(text.asText()));
    return texts;
  }

  /** The lines to print, the last one for scripts; holds when every open saga moves (or would). */
  record Report(List<String> lines, boolean holds) implements CommandLine.Report {}
}
