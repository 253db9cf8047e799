package io.sagashop.dashboards;

import io.sagashop.load.CommandLine;
import io.sagashop.load.Crowd;
import io.sagashop.load.CrowdReport;
import io.sagashop.load.LoadMain;
import io.sagashop.load.ShopAddress;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./sagashop dashboards}: the shop's Grafana dashboards drawn from real data. Prometheus
 * scrapes a local shop (the one {@code ./sagashop run} runs, or one started for this run) while a
 * crowd orders at a steady rate; then every dashboard of {@code k8s/components/monitoring} is drawn
 * from Prometheus' answers to its own queries into {@code .sagashop/dashboards/<uid>.png}.
 */
public final class DashboardsMain {

  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final int PROMETHEUS_PORT = 9090;
  private static final Duration STEP = Duration.ofSeconds(15);

  private DashboardsMain() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    CommandLine.run(args, DashboardsArguments::parse, (arguments, settings) -> {
      if (LoadMain.isRunning(settings)) {
        CommandLine.console.info("Using the shop running at {}", settings.url(ShopService.ORDER));
        return run(settings, arguments, () -> ShopAddress.of(settings, ShopPasswords.of(settings, System::getenv)));
      }
      CommandLine.console.info("No shop answers at {}; starting one for this run (it stops afterwards) ...", settings.url(ShopService.ORCHESTRATOR));
      try (LocalStack stack = LocalStack.start(settings, System::getenv)) {
        return run(settings, arguments, () -> ShopAddress.of(stack));
      }
    });
  }

  private static Report run(StackSettings settings, DashboardsArguments arguments, Supplier<ShopAddress> address) {
    Path directory = settings.dataDirectory().resolve("dashboards");
    try (MetricsServer prometheus = MetricsServer.start(PROMETHEUS, directory.resolve("prometheus"), PROMETHEUS_PORT, actuators(settings))) {
      CommandLine.console.info("Prometheus at {} scrapes every actuator; {} orders a minute for {} minutes ...",
          prometheus.url(), arguments.perMinute(), arguments.minutes());
      Instant from = Instant.now().minus(Duration.ofMinutes(1));
      CrowdReport crowd = Crowd.run(address.get(), arguments.plan(), CommandLine.console::info);
      Instant to = Instant.now();
      PrometheusApi api = new PrometheusApi(prometheus.url());
      List<Path> images = new ArrayList<>();
      for (Path file : dashboards(settings.projectRoot())) {
        Dashboard dashboard = Dashboard.read(file);
        images.add(DashboardImage.write(DashboardImage.draw(dashboard, api, from, to, STEP), directory.resolve(dashboard.uid() + ".png")));
      }
      return new Report(crowd, images);
    }
  }

  /**
   * Every actuator the dashboards read: each replica's management port. The identity provider is
   * left out: it shows its metrics to operators only, and no panel is about it.
   */
  static List<URI> actuators(StackSettings settings) {
    List<URI> actuators = new ArrayList<>();
    for (ShopService service : ShopService.values()) {
      if (service == ShopService.IDENTITY) {
        continue;
      }
      for (int replica = 1; replica <= settings.replicasOf(service); replica++) {
        actuators.add(settings.managementUrl(service, replica));
      }
    }
    return actuators;
  }

  private static List<Path> dashboards(Path projectRoot) {
    try (Stream<Path> files = Files.list(projectRoot.resolve("k8s/components/monitoring/dashboards"))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the dashboards: " + e.getMessage(), e);
    }
  }

  /** The crowd's report, then where the pictures are. */
  record Report(CrowdReport crowd, List<Path> images) implements CommandLine.Report {

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>(crowd.lines());
      images.forEach(image -> lines.add("Dashboard drawn: " + image));
      return lines;
    }

    @Override
    public boolean holds() {
      return crowd.holds();
    }
  }
}
